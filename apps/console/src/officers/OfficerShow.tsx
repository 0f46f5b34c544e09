import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { OFFICER_STATUS_CHOICES } from '../common/choices';

const OfficerShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="badgeNo" />
      <TextField source="name" />
      <ReferenceField source="unitId" reference="units" link="show" />
      <TextField source="mobile" emptyText="—" />
      <SelectField source="status" choices={OFFICER_STATUS_CHOICES} />
    </SimpleShowLayout>
  </Show>
);

export default OfficerShow;
