import { Show, SimpleShowLayout, TextField } from 'react-admin';

const ApnProfileShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="apn" />
      <TextField source="description" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default ApnProfileShow;
