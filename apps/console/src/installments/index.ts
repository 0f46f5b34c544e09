import type { InstallmentDto } from '@fleet/shared/contracts';
import PaymentsIcon from '@mui/icons-material/Payments';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./InstallmentList')),
  show: lazy(() => import('./InstallmentShow')),
  icon: PaymentsIcon,
  recordRepresentation: (installment: InstallmentDto) => `#${installment.seq} ${installment.dueOn}`,
};
