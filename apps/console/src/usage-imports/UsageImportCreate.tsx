import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { UploadForm } from '../common/UploadForm';

// Empty means "let the API detect it".
const KINDS = ['', 'summary', 'detail'] as const;

/** A carrier usage file; the import's page shows its progress. */
const UsageImportCreate = () => {
  const translate = useTranslate();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('');
  return (
    <UploadForm
      resource="usage-imports"
      upload={(provider, file, encoding) => provider.uploadUsageImport(file, kind || undefined, encoding)}
      kindSelect={
        <TextField
          select
          label={translate('resources.usage-imports.fields.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as (typeof KINDS)[number])}
        >
          {KINDS.map((value) => (
            <MenuItem key={value} value={value}>
              {translate(`fleet.usage_kind.${value || 'auto'}`)}
            </MenuItem>
          ))}
        </TextField>
      }
    />
  );
};

export default UsageImportCreate;
