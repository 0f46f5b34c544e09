import type { ApnProfileDto } from '@fleet/shared/contracts';
import SettingsEthernetIcon from '@mui/icons-material/SettingsEthernet';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ApnProfileList')),
  show: lazy(() => import('./ApnProfileShow')),
  edit: lazy(() => import('./ApnProfileEdit')),
  create: lazy(() => import('./ApnProfileCreate')),
  icon: SettingsEthernetIcon,
  recordRepresentation: (profile: ApnProfileDto) => `${profile.name} (${profile.apn})`,
};
