import type { PlanDto } from '@fleet/shared/contracts';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PlanList')),
  show: lazy(() => import('./PlanShow')),
  edit: lazy(() => import('./PlanEdit')),
  create: lazy(() => import('./PlanCreate')),
  icon: ReceiptLongIcon,
  recordRepresentation: (plan: PlanDto) => plan.name,
};
