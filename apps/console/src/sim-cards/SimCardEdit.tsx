import { Edit, SimpleForm } from 'react-admin';

import { SimCardInputs, toSimCardPayload } from './SimCardInputs';

// Pessimistic, so a refusal from the API (an ICCID already registered) shows under its field.
const SimCardEdit = () => (
  <Edit mutationMode="pessimistic" transform={toSimCardPayload} redirect="show">
    <SimpleForm>
      <SimCardInputs />
    </SimpleForm>
  </Edit>
);

export default SimCardEdit;
