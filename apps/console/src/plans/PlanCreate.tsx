import { Create, SimpleForm } from 'react-admin';

import { PlanInputs } from './PlanInputs';

const PlanCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ termMonths: 36 }}>
      <PlanInputs />
    </SimpleForm>
  </Create>
);

export default PlanCreate;
