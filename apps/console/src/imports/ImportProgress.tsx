import type { BulkImportDto } from '@fleet/shared/contracts';
import { useRecordContext } from 'react-admin';

import { RowsProgress } from '../common/RowsProgress';

export { isImportFinished } from '../common/RowsProgress';

/** The import's rows done of total (the shared bar). */
export const ImportProgress = () => {
  const bulkImport = useRecordContext<BulkImportDto>();
  return bulkImport ? <RowsProgress value={bulkImport} /> : null;
};
