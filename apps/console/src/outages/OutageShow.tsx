import type { OutageDto } from '@fleet/shared/contracts';
import { EditButton, Show, SimpleShowLayout, TextField, TopToolbar, WithRecord } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { OutageCauseField, OutageSimsField } from './OutageFields';
import { VoidOutageButton } from './VoidOutageButton';

const OutageShow = () => (
  <Show
    actions={
      <TopToolbar>
        <WithRecord<OutageDto> render={(outage) => (outage.voidedAt ? null : <EditButton />)} />
        <VoidOutageButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <DateTimeField source="startAt" />
      <DateTimeField source="endAt" />
      <OutageCauseField source="cause" />
      <OutageSimsField source="simIds" />
      <TextField source="note" emptyText="—" />
      <DateTimeField source="voidedAt" emptyText="—" />
      <TextField source="voidReason" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default OutageShow;
