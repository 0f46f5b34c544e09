import { SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { AUDIT_ACTION_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { JsonField } from '../common/JsonField';
import { AuditResourceField } from './AuditResourceField';

const AuditLogShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <TextField source="username" emptyText="—" />
      <SelectField source="action" choices={AUDIT_ACTION_CHOICES} />
      <AuditResourceField source="resource" />
      <TextField source="resourceId" emptyText="—" />
      <JsonField source="before" />
      <JsonField source="after" />
    </SimpleShowLayout>
  </Show>
);

export default AuditLogShow;
