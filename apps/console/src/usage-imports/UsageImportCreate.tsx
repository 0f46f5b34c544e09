import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  Card,
  CardActions,
  CardContent,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useRedirect, useTranslate } from 'react-admin';

import { useApiAction } from '../common/apiAction';

// Empty means "let the API detect it" for both.
const KINDS = ['', 'summary', 'detail'] as const;
const ENCODINGS = ['', 'utf-8', 'gbk'] as const;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A carrier usage file; the upload returns at once and the import's page shows its progress. */
const UsageImportCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { run, pending } = useApiAction();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('');
  const [encoding, setEncoding] = useState<(typeof ENCODINGS)[number]>('');
  const [file, setFile] = useState<File | null>(null);

  const upload = async () => {
    if (!file) {
      return;
    }
    const outcome = await run(
      (provider) => provider.uploadUsageImport(file, kind || undefined, encoding || undefined),
      null,
    );
    if (outcome.ok) {
      redirect('show', 'usage-imports', outcome.value.id);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title="resources.usage-imports.name" />
      <CardContent>
        <Stack spacing={2}>
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
          <TextField
            select
            label={translate('resources.usage-imports.fields.encoding')}
            value={encoding}
            onChange={(event) => setEncoding(event.target.value as (typeof ENCODINGS)[number])}
          >
            {ENCODINGS.map((value) => (
              <MenuItem key={value} value={value}>
                {value === '' ? translate('fleet.imports.encoding_auto') : value.toUpperCase()}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2} alignItems="center">
            <Button variant="outlined" component="label">
              {translate('fleet.imports.choose_file')}
              <input
                hidden
                type="file"
                accept={ACCEPT}
                aria-label={translate('fleet.imports.file')}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </Button>
            <Typography color={file ? 'text.primary' : 'text.secondary'}>
              {file?.name ?? translate('fleet.imports.no_file')}
            </Typography>
          </Stack>
        </Stack>
      </CardContent>
      <CardActions>
        <Button
          variant="contained"
          startIcon={<UploadFileIcon />}
          disabled={!file || pending}
          onClick={() => void upload()}
        >
          {translate('fleet.actions.upload')}
        </Button>
      </CardActions>
    </Card>
  );
};

export default UsageImportCreate;
