import type { LostReportDto } from '@fleet/shared/contracts';
import ReportIcon from '@mui/icons-material/Report';
import { lazy } from 'react';

// Reports are made from the device's page (report lost); here they are followed up.
export default {
  list: lazy(() => import('./LostReportList')),
  show: lazy(() => import('./LostReportShow')),
  icon: ReportIcon,
  recordRepresentation: (report: LostReportDto) => `#${report.id}`,
};
