import { Create, SimpleForm } from 'react-admin';

import { ApnProfileInputs } from './ApnProfileInputs';

const ApnProfileCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ApnProfileInputs />
    </SimpleForm>
  </Create>
);

export default ApnProfileCreate;
