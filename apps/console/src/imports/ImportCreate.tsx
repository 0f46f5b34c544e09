import type { BulkImportKindValue } from '@fleet/shared/contracts';
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { IMPORT_KIND_CHOICES } from '../common/choices';
import { UploadForm } from '../common/UploadForm';

/** Choose what the roster holds and the file; the import's page shows its progress. */
const ImportCreate = () => {
  const translate = useTranslate();
  const [kind, setKind] = useState<BulkImportKindValue>('devices');
  return (
    <UploadForm
      resource="imports"
      upload={(provider, file, encoding) => provider.uploadImport(file, kind, encoding)}
      kindSelect={
        <TextField
          select
          label={translate('resources.imports.fields.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as BulkImportKindValue)}
        >
          {IMPORT_KIND_CHOICES.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {translate(choice.name)}
            </MenuItem>
          ))}
        </TextField>
      }
    />
  );
};

export default ImportCreate;
