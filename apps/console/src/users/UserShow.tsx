import { BooleanField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { ROLE_CHOICES } from '../common/choices';

const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="username" />
      <SelectField source="role" choices={ROLE_CHOICES} />
      <ReferenceField source="officerId" reference="officers" link="show" emptyText="—" />
      <BooleanField source="disabled" />
    </SimpleShowLayout>
  </Show>
);

export default UserShow;
