import type { DeviceDto } from '@fleet/shared/contracts';
import PhoneAndroidIcon from '@mui/icons-material/PhoneAndroid';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./DeviceList')),
  show: lazy(() => import('./DeviceShow')),
  edit: lazy(() => import('./DeviceEdit')),
  create: lazy(() => import('./DeviceCreate')),
  icon: PhoneAndroidIcon,
  recordRepresentation: (device: DeviceDto) => `${device.model} ${device.imei1}`,
};
