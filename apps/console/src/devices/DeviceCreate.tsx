import { Create, SimpleForm } from 'react-admin';

import { DeviceInputs, toDevicePayload, type DeviceFormValues } from './DeviceInputs';

const defaultValues: Partial<DeviceFormValues> = { ownership: 'leased', dualSystem: true };

const DeviceCreate = () => (
  <Create transform={toDevicePayload} redirect="show">
    <SimpleForm defaultValues={defaultValues}>
      <DeviceInputs />
    </SimpleForm>
  </Create>
);

export default DeviceCreate;
