import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify, useRecordContext } from 'react-admin';

import { downloadApiFile } from '../providers/download';
import { errorMessageOf } from './apiAction';

/**
 * The rows an import refused, each with its row, column and reason, to fix and upload again. Serves
 * roster imports (`imports`) and usage imports (`usage-imports`) alike.
 */
export const RejectedRowsButton = ({ resource }: { resource: 'imports' | 'usage-imports' }) => {
  const record = useRecordContext<{ id: number; rowsRejected: number }>();
  const notify = useNotify();
  if (!record || record.rowsRejected === 0) {
    return null;
  }
  const download = async () => {
    try {
      await downloadApiFile(
        `/${resource}/${record.id}/rejected.csv`,
        `${resource}-rejected-${record.id}.csv`,
      );
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    }
  };
  return (
    <Button
      label="fleet.actions.rejected_rows"
      onClick={(event) => {
        event.stopPropagation();
        void download();
      }}
    >
      <DownloadIcon />
    </Button>
  );
};
