import type { BulkImportDto } from '@fleet/shared/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ImportList')),
  show: lazy(() => import('./ImportShow')),
  create: lazy(() => import('./ImportCreate')),
  icon: UploadFileIcon,
  recordRepresentation: (bulkImport: BulkImportDto) => bulkImport.fileName,
};
