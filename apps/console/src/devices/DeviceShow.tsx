import { CalendarDateField } from '../common/CalendarDateField';
import type { DeviceDto } from '@fleet/shared/contracts';
import { Divider } from '@mui/material';
import {
  BooleanField,
  DataTable,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  WithRecord,
} from 'react-admin';

import { AcceptButton, ReceiptButton } from '../assignments/AssignmentButtons';
import { DEVICE_STATUS_CHOICES, OWNERSHIP_CHOICES, SIM_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RemoveSimButton } from '../sim-cards/SimCardButtons';
import { DeviceShowActions } from './DeviceActions';
import { DeviceRepairs } from '../repairs/DeviceRepairs';
import { DeviceTimeline } from './DeviceTimeline';
import { WarrantyEndField } from './WarrantyEndField';

const OPEN_ASSIGNMENTS = { open: true };

const DeviceShow = () => (
  <Show actions={<DeviceShowActions />}>
    <SimpleShowLayout>
      <TextField source="model" />
      <TextField source="imei1" />
      <TextField source="imei2" emptyText="—" />
      <TextField source="serialNumber" emptyText="—" />
      <BooleanField source="dualSystem" />
      <SelectField source="status" choices={DEVICE_STATUS_CHOICES} />
      <SelectField source="ownership" choices={OWNERSHIP_CHOICES} />
      <ReferenceField source="unitId" reference="units" link="show" emptyText="—" />
      <CalendarDateField source="receivedOn" />
      <CalendarDateField source="leaseStartOn" emptyText="—" />
      <CalendarDateField source="leaseEndOn" emptyText="—" />
      <WarrantyEndField source="warrantyEndOn" />
      <ReferenceField
        source="currentOfficerId"
        reference="officers"
        link="show"
        label="fleet.device.holder"
        emptyText="fleet.device.no_holder"
      />
      <ReferenceManyField
        label="fleet.device.current_assignment"
        reference="assignments"
        target="deviceId"
        filter={OPEN_ASSIGNMENTS}
        sort={{ field: 'startAt', order: 'DESC' }}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="officerId">
            <ReferenceField source="officerId" reference="officers" link="show" />
          </DataTable.Col>
          <DataTable.Col source="startAt">
            <DateTimeField source="startAt" />
          </DataTable.Col>
          <DataTable.Col
            source="accessories"
            render={(assignment) => (assignment.accessories as string[]).join('、')}
          />
          <DataTable.Col source="acceptedAt">
            <DateTimeField source="acceptedAt" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col>
            <ReceiptButton />
            <AcceptButton />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
      <ReferenceManyField label="fleet.device.sims" reference="sim-cards" target="deviceId">
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="slot" />
          <DataTable.Col source="iccid" />
          <DataTable.Col source="msisdn" />
          <DataTable.Col source="status">
            <SelectField source="status" choices={SIM_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col>
            <RemoveSimButton />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
      <TextField source="notes" emptyText="—" />
      <DeviceRepairs />
      <Divider flexItem />
      <WithRecord<DeviceDto> render={(device) => <DeviceTimeline deviceId={device.id} />} />
    </SimpleShowLayout>
  </Show>
);

export default DeviceShow;
