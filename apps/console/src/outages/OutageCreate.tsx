import { Create, SimpleForm } from 'react-admin';

import { OutageInputs } from './OutageInputs';

const OutageCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ cause: 'carrier', scope: 'all' }}>
      <OutageInputs />
    </SimpleForm>
  </Create>
);

export default OutageCreate;
