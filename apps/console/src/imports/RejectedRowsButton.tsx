import type { BulkImportDto } from '@fleet/shared/contracts';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify, useRecordContext } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import { dataProvider } from '../providers/dataProvider';

/** The rows the import refused, with the reason of each, to fix and upload again. */
export const RejectedRowsButton = () => {
  const bulkImport = useRecordContext<BulkImportDto>();
  const notify = useNotify();
  if (!bulkImport || bulkImport.rowsRejected === 0) {
    return null;
  }
  const download = async () => {
    try {
      await dataProvider.downloadRejectedRows(bulkImport.id);
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
