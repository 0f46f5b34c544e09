import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify, useRecordContext } from 'react-admin';

import { downloadApiFile } from '../../providers/download';
import { errorMessageOf } from '../apiAction';
import type { FileImportRecord, FileImportResource } from './fileImport';

/** The rows an import refused, each with its row, column and reason, to fix and upload again. */
export const RejectedRowsButton = ({ resource }: { resource: FileImportResource }) => {
  const record = useRecordContext<FileImportRecord>();
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
