import type { UserDto } from '@fleet/shared/contracts';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  edit: lazy(() => import('./UserEdit')),
  create: lazy(() => import('./UserCreate')),
  icon: ManageAccountsIcon,
  recordRepresentation: (user: UserDto) => user.username,
};
