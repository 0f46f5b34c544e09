import type { UsageImportDto } from '@fleet/shared/contracts';
import DataUsageIcon from '@mui/icons-material/DataUsage';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./UsageImportList')),
  show: lazy(() => import('./UsageImportShow')),
  create: lazy(() => import('./UsageImportCreate')),
  icon: DataUsageIcon,
  recordRepresentation: (usageImport: UsageImportDto) => usageImport.fileName,
};
