import { Edit, SimpleForm } from 'react-admin';

import { ApnProfileInputs } from './ApnProfileInputs';

const ApnProfileEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ApnProfileInputs />
    </SimpleForm>
  </Edit>
);

export default ApnProfileEdit;
