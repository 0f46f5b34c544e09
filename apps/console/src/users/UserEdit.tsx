import type { UserDto } from '@fleet/shared/contracts';
import { Edit, PasswordInput, SimpleForm } from 'react-admin';

import { UserInputs } from './UserInputs';

type UserForm = Partial<UserDto> & { password?: string };

// Only what the API takes on a PUT (it refuses unknown fields); an empty password field changes nothing.
const editable = ({ username, role, officerId, disabled, password }: UserForm) => ({
  username,
  role,
  officerId,
  disabled,
  ...(password ? { password } : {}),
});

// Pessimistic, so a refusal from the API (a username already taken, a weak password) shows under its field.
const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={editable}>
    <SimpleForm>
      <UserInputs />
      {/* A new password is an initial one: the user changes it at the next login. */}
      <PasswordInput
        source="password"
        label="resources.users.fields.newPassword"
        autoComplete="new-password"
      />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
