import { CalendarDateField } from '../common/CalendarDateField';
import {
  EditButton,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';

import { SIM_STATUS_CHOICES } from '../common/choices';
import { RemoveSimButton } from './SimCardButtons';

const SimCardShowActions = () => (
  <TopToolbar>
    <RemoveSimButton />
    <EditButton />
  </TopToolbar>
);

const SimCardShow = () => (
  <Show actions={<SimCardShowActions />}>
    <SimpleShowLayout>
      <TextField source="iccid" />
      <TextField source="msisdn" />
      <SelectField source="status" choices={SIM_STATUS_CHOICES} />
      <ReferenceField source="apnProfileId" reference="apn-profiles" link="show" emptyText="—" />
      <ReferenceField source="planId" reference="plans" link="show" emptyText="—" />
      <CalendarDateField source="activatedOn" emptyText="—" />
      <CalendarDateField source="planEndsOn" emptyText="—" />
      <CalendarDateField source="realNameRegisteredOn" emptyText="—" />
      <ReferenceField source="deviceId" reference="devices" link="show" emptyText="—" />
      <TextField source="slot" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default SimCardShow;
