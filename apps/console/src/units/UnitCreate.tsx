import { Create, SimpleForm } from 'react-admin';

import { UnitInputs } from './UnitInputs';

const UnitCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <UnitInputs />
    </SimpleForm>
  </Create>
);

export default UnitCreate;
