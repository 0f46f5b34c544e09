import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { isImportFinished, type FileImportConfig, type FileImportRecord } from './fileImport';

/**
 * Rows done of total as a bar; indeterminate while the worker has not counted the rows yet. `detail` is a
 * second line under the count (a rate, the rows accepted…).
 */
export const RowsProgress = ({ value, detail }: { value: FileImportRecord; detail?: string }) => {
  const translate = useTranslate();
  const { rowsDone, rowsTotal } = value;
  const counted = rowsTotal > 0;
  const finished = isImportFinished(value);
  const percent = counted ? Math.round((rowsDone / rowsTotal) * 100) : 0;
  const label = translate('fleet.imports.progress', { done: rowsDone, total: rowsTotal });
  return (
    <Box sx={{ minWidth: 240 }}>
      <LinearProgress
        variant={counted || finished ? 'determinate' : 'indeterminate'}
        value={finished && !counted ? 100 : percent}
        color={value.status === 'failed' ? 'error' : 'primary'}
        aria-label={label}
      />
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      {detail && (
        <Typography variant="body2" color="text.secondary">
          {detail}
        </Typography>
      )}
    </Box>
  );
};

/** The import in context as the bar, with the kind's own second line. */
export const FileImportProgress = ({ config }: { config: FileImportConfig }) => {
  const translate = useTranslate();
  const record = useRecordContext<FileImportRecord>();
  if (!record) {
    return null;
  }
  return <RowsProgress value={record} detail={config.progressDetail?.(record, translate)} />;
};
