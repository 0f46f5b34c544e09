import { Edit, SimpleForm } from 'react-admin';

import { UserInputs } from './UserInputs';

// Pessimistic, so a refusal from the API (a username already taken) shows under its field.
const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <UserInputs />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
