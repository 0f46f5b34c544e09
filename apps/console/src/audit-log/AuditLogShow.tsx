import { DateField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { AUDIT_ACTION_CHOICES } from '../common/choices';
import { JsonField } from '../common/JsonField';

const AuditLogShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <DateField source="at" showTime />
      <TextField source="username" emptyText="—" />
      <SelectField source="action" choices={AUDIT_ACTION_CHOICES} />
      <TextField source="resource" />
      <TextField source="resourceId" emptyText="—" />
      <JsonField source="before" />
      <JsonField source="after" />
    </SimpleShowLayout>
  </Show>
);

export default AuditLogShow;
