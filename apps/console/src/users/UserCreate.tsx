import type { UserDto } from '@fleet/shared/contracts';
import { Create, PasswordInput, required, SimpleForm } from 'react-admin';

import { UserInputs } from './UserInputs';

const defaultValues: Partial<UserDto> = { disabled: false };

const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaultValues}>
      <UserInputs />
      <PasswordInput source="password" validate={required()} autoComplete="new-password" />
    </SimpleForm>
  </Create>
);

export default UserCreate;
