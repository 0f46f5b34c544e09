import { Edit, SimpleForm } from 'react-admin';

import { PlanInputs } from './PlanInputs';

const PlanEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <PlanInputs />
    </SimpleForm>
  </Edit>
);

export default PlanEdit;
