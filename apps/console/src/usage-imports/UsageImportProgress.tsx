import type { UsageImportDto } from '@fleet/shared/contracts';
import { useRecordContext, useTranslate } from 'react-admin';

import { RowsProgress } from '../common/RowsProgress';

/** The shared progress bar, with the rate and how the rows came out. */
export const UsageImportProgress = () => {
  const translate = useTranslate();
  const usageImport = useRecordContext<UsageImportDto>();
  if (!usageImport) {
    return null;
  }
  const detail = translate('fleet.usage.import_counts', {
    rate: usageImport.rowsPerSecond === null ? '—' : Math.round(usageImport.rowsPerSecond),
    accepted: usageImport.rowsAccepted,
    rejected: usageImport.rowsRejected,
    duplicate: usageImport.rowsDuplicate,
  });
  return <RowsProgress value={usageImport} detail={detail} />;
};
