import type { StatementDto } from '@fleet/shared/contracts';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./StatementList')),
  show: lazy(() => import('./StatementShow')),
  icon: ReceiptLongIcon,
  recordRepresentation: (statement: StatementDto) => `${statement.period} v${statement.version}`,
};
