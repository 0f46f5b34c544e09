import type { BulkImportDto } from '@fleet/shared/contracts';
import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export function isImportFinished(bulkImport: Pick<BulkImportDto, 'status'> | undefined): boolean {
  return bulkImport?.status === 'succeeded' || bulkImport?.status === 'failed';
}

/** Rows done of total as a bar; indeterminate while the worker has not counted the rows yet. */
export const ImportProgress = () => {
  const translate = useTranslate();
  const bulkImport = useRecordContext<BulkImportDto>();
  if (!bulkImport) {
    return null;
  }
  const { rowsDone, rowsTotal } = bulkImport;
  const counted = rowsTotal > 0;
  const percent = counted ? Math.round((rowsDone / rowsTotal) * 100) : 0;
  const label = translate('fleet.imports.progress', { done: rowsDone, total: rowsTotal });
  return (
    <Box sx={{ minWidth: 240 }}>
      <LinearProgress
        variant={counted || isImportFinished(bulkImport) ? 'determinate' : 'indeterminate'}
        value={isImportFinished(bulkImport) && !counted ? 100 : percent}
        color={bulkImport.status === 'failed' ? 'error' : 'primary'}
        aria-label={label}
      />
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
};
