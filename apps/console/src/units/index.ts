import type { UnitDto } from '@fleet/shared/contracts';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./UnitList')),
  show: lazy(() => import('./UnitShow')),
  edit: lazy(() => import('./UnitEdit')),
  create: lazy(() => import('./UnitCreate')),
  icon: AccountTreeIcon,
  recordRepresentation: (unit: UnitDto) => unit.name,
};
