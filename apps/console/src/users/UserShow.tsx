import {
  BooleanField,
  EditButton,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';

import { ROLE_CHOICES } from '../common/choices';
import { EndSessionsButton } from './EndSessionsButton';

const UserShowActions = () => (
  <TopToolbar>
    <EndSessionsButton />
    <EditButton />
  </TopToolbar>
);

const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="username" />
      <SelectField source="role" choices={ROLE_CHOICES} />
      <ReferenceField source="officerId" reference="officers" link="show" emptyText="—" />
      <BooleanField source="disabled" />
      <BooleanField source="mustChangePassword" />
    </SimpleShowLayout>
  </Show>
);

export default UserShow;
