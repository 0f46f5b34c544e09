import { Edit, SimpleForm } from 'react-admin';

import { DeviceInputs, toDevicePayload } from './DeviceInputs';

// Pessimistic, so a refusal from the API (an IMEI already registered) shows under its field.
const DeviceEdit = () => (
  <Edit mutationMode="pessimistic" transform={toDevicePayload} redirect="show">
    <SimpleForm>
      <DeviceInputs />
    </SimpleForm>
  </Edit>
);

export default DeviceEdit;
