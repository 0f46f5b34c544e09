import { Create, SimpleForm, TextInput } from 'react-admin';

import { UnitReferenceInput } from '../common/UnitReferenceInput';

// No unit counts the whole bureau; a unit counts the devices of that unit and the units under it.
const StocktakeCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <UnitReferenceInput source="unitId" />
      <TextInput source="notes" multiline />
    </SimpleForm>
  </Create>
);

export default StocktakeCreate;
