import type { OutageDto } from '@fleet/shared/contracts';
import SignalCellularConnectedNoInternet0BarIcon from '@mui/icons-material/SignalCellularConnectedNoInternet0Bar';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./OutageList')),
  show: lazy(() => import('./OutageShow')),
  edit: lazy(() => import('./OutageEdit')),
  create: lazy(() => import('./OutageCreate')),
  icon: SignalCellularConnectedNoInternet0BarIcon,
  recordRepresentation: (outage: OutageDto) => `#${outage.id}`,
};
