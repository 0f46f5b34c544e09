import type { PeriodDto } from '@fleet/shared/contracts';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify, useRecordContext } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import { dataProvider } from '../providers/dataProvider';
import { ClosePeriodDialog } from './ClosePeriodDialog';

export { ClosePeriodDialog };

/** Closes the month on screen again, with the same preview: a changed month gets amended statements. */
export const ClosePeriodButton = () => {
  const period = useRecordContext<PeriodDto>();
  return period ? <ClosePeriodDialog period={period.period} /> : null;
};

/** The month's statements as one workbook for finance. */
export const StatementsWorkbookButton = () => {
  const period = useRecordContext<PeriodDto>();
  const notify = useNotify();
  if (!period) {
    return null;
  }
  const download = async () => {
    try {
      await dataProvider.downloadStatementsWorkbook(period.period);
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    }
  };
  return (
    <Button
      label="fleet.periods.workbook"
      onClick={(event) => {
        event.stopPropagation();
        void download();
      }}
    >
      <DownloadIcon />
    </Button>
  );
};
