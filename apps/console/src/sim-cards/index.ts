import type { SimCardDto } from '@fleet/shared/contracts';
import SimCardIcon from '@mui/icons-material/SimCard';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./SimCardList')),
  show: lazy(() => import('./SimCardShow')),
  edit: lazy(() => import('./SimCardEdit')),
  create: lazy(() => import('./SimCardCreate')),
  icon: SimCardIcon,
  recordRepresentation: (sim: SimCardDto) => `${sim.msisdn} (${sim.iccid})`,
};
