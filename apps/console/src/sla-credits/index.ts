import SavingsIcon from '@mui/icons-material/Savings';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./SlaCreditList')),
  icon: SavingsIcon,
};
