import type { OfficerDto } from '@fleet/shared/contracts';
import BadgeIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./OfficerList')),
  show: lazy(() => import('./OfficerShow')),
  edit: lazy(() => import('./OfficerEdit')),
  create: lazy(() => import('./OfficerCreate')),
  icon: BadgeIcon,
  recordRepresentation: (officer: OfficerDto) => `${officer.name} (${officer.badgeNo})`,
};
