import type { UsageImportDto } from '@fleet/shared/contracts';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify, useRecordContext } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import { dataProvider } from '../providers/dataProvider';

/** The usage rows the import refused, each with its row, column and reason. */
export const UsageRejectedRowsButton = () => {
  const usageImport = useRecordContext<UsageImportDto>();
  const notify = useNotify();
  if (!usageImport || usageImport.rowsRejected === 0) {
    return null;
  }
  const download = async () => {
    try {
      await dataProvider.downloadUsageRejectedRows(usageImport.id);
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
