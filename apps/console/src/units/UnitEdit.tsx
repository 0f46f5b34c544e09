import { Edit, SimpleForm } from 'react-admin';

import { UnitInputs } from './UnitInputs';

// Pessimistic, so a refusal from the API (a duplicate name, a parent that would make a loop) shows in the form.
const UnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <UnitInputs />
    </SimpleForm>
  </Edit>
);

export default UnitEdit;
