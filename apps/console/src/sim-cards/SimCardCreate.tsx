import { Create, SimpleForm } from 'react-admin';

import { SimCardInputs, toSimCardPayload, type SimCardFormValues } from './SimCardInputs';

const defaultValues: Partial<SimCardFormValues> = { status: 'inactive' };

const SimCardCreate = () => (
  <Create transform={toSimCardPayload} redirect="show">
    <SimpleForm defaultValues={defaultValues}>
      <SimCardInputs />
    </SimpleForm>
  </Create>
);

export default SimCardCreate;
