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

import { useApiAction } from '../apiAction';
import type { FileImportConfig } from './fileImport';

// Carrier and Excel exports come as UTF-8 or GBK; the API detects when none is chosen.
const ENCODINGS = ['', 'utf-8', 'gbk'] as const;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Choose what the file holds, the file (CSV or XLSX) and its encoding and upload it; the upload returns at
 * once and the import's page shows its progress.
 */
const FileImportCreate = ({ config }: { config: FileImportConfig }) => {
  const { resource, uploadKindChoices } = config;
  const translate = useTranslate();
  const redirect = useRedirect();
  const { run, pending } = useApiAction();
  const [kind, setKind] = useState(uploadKindChoices[0].id);
  const [encoding, setEncoding] = useState<(typeof ENCODINGS)[number]>('');
  const [file, setFile] = useState<File | null>(null);

  const send = async () => {
    if (!file) {
      return;
    }
    const outcome = await run((provider) => config.upload(provider, file, kind, encoding || undefined), null);
    if (outcome.ok) {
      redirect('show', resource, outcome.value.id);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={`resources.${resource}.name`} />
      <CardContent>
        <Stack spacing={2}>
          <TextField
            select
            label={translate(`resources.${resource}.fields.kind`)}
            value={kind}
            onChange={(event) => setKind(event.target.value)}
          >
            {uploadKindChoices.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {translate(choice.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate(`resources.${resource}.fields.encoding`)}
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
          onClick={() => void send()}
        >
          {translate('fleet.actions.upload')}
        </Button>
      </CardActions>
    </Card>
  );
};

export default FileImportCreate;
