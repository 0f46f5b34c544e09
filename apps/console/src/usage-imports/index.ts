import type { UsageImportDto } from '@fleet/shared/contracts';
import DataUsageIcon from '@mui/icons-material/DataUsage';

import { USAGE_KIND_CHOICES } from '../common/choices';
import type { FileImportConfig } from '../common/file-import/fileImport';
import { fileImportResource } from '../common/file-import/fileImportResource';

/** Carrier usage files (a month's summary or call detail): rows accepted, refused or seen before. */
export const usageImports: FileImportConfig<UsageImportDto> = {
  resource: 'usage-imports',
  kindChoices: USAGE_KIND_CHOICES,
  // Empty means "let the API detect it".
  uploadKindChoices: [{ id: '', name: 'fleet.usage_kind.auto' }, ...USAGE_KIND_CHOICES],
  upload: (provider, file, kind, encoding) => provider.uploadUsageImport(file, kind || undefined, encoding),
  listTextColumns: ['period'],
  listCounts: [],
  bulkActions: true,
  showTextFields: ['format', 'encoding', 'period'],
  showCounts: ['rowsTotal', 'rowsAccepted', 'rowsRejected', 'rowsDuplicate'],
  progressDetail: (usageImport, translate) =>
    translate('fleet.usage.import_counts', {
      rate: usageImport.rowsPerSecond === null ? '—' : Math.round(usageImport.rowsPerSecond),
      accepted: usageImport.rowsAccepted,
      rejected: usageImport.rowsRejected,
      duplicate: usageImport.rowsDuplicate,
    }),
};

export default fileImportResource(usageImports, DataUsageIcon);
