import { HttpError, useNotify, useRedirect } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import { ImeiInput } from '../common/ImeiInput';
import { dataProvider } from '../providers/dataProvider';

const HTTP_NOT_FOUND = 404;

/** Scan or type an IMEI and go straight to that device's page. */
export const FindDeviceByImei = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const find = async (imei: string) => {
    try {
      const device = await dataProvider.getDeviceByImei(imei);
      redirect('show', 'devices', device.id);
    } catch (error) {
      if (error instanceof HttpError && error.status === HTTP_NOT_FOUND) {
        notify('fleet.imei.not_found', { type: 'warning', messageArgs: { imei } });
      } else {
        notify(errorMessageOf(error), { type: 'error' });
      }
    }
  };
  return <ImeiInput label="fleet.imei.find" helperText="fleet.imei.find_hint" onImei={find} />;
};
