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
import { type ReactNode, useState } from 'react';
import { Title, useRedirect, useTranslate } from 'react-admin';

import { useApiAction } from './apiAction';
import type { FleetDataProvider } from '../providers/dataProvider';

// Carrier and Excel exports come as UTF-8 or GBK; the API detects when none is chosen.
const ENCODINGS = ['', 'utf-8', 'gbk'] as const;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface UploadFormProps {
  resource: 'imports' | 'usage-imports';
  /** The form's own choice of what the file holds. */
  kindSelect: ReactNode;
  upload: (provider: FleetDataProvider, file: File, encoding: string | undefined) => Promise<{ id: number }>;
}

/**
 * Choose a file (CSV or XLSX) and its encoding and upload it; the upload returns at once and the
 * import's page shows its progress. Roster and usage imports differ only in their kind choice.
 */
export const UploadForm = ({ resource, kindSelect, upload }: UploadFormProps) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { run, pending } = useApiAction();
  const [encoding, setEncoding] = useState<(typeof ENCODINGS)[number]>('');
  const [file, setFile] = useState<File | null>(null);

  const send = async () => {
    if (!file) {
      return;
    }
    const outcome = await run((provider) => upload(provider, file, encoding || undefined), null);
    if (outcome.ok) {
      redirect('show', resource, outcome.value.id);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={`resources.${resource}.name`} />
      <CardContent>
        <Stack spacing={2}>
          {kindSelect}
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
