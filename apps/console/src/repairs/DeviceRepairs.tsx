import { DataTable, Labeled, ReferenceManyField, useCanAccess } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { CauseField, RepairStatusField } from './RepairFields';

/** The device's repair tickets, newest first, for the roles that read tickets. */
export const DeviceRepairs = () => {
  const { canAccess } = useCanAccess({ action: 'list', resource: 'repair-tickets' });
  if (!canAccess) {
    return null;
  }
  return (
    <Labeled label="fleet.repairs.device_tickets">
      <ReferenceManyField
        reference="repair-tickets"
        target="deviceId"
        sort={{ field: 'reportedAt', order: 'DESC' }}
      >
        <DataTable bulkActionButtons={false} rowClick="show" empty={<span>—</span>}>
          <DataTable.Col source="ticketNo" />
          <DataTable.Col source="status">
            <RepairStatusField />
          </DataTable.Col>
          <DataTable.Col source="fault" />
          <DataTable.Col source="cause">
            <CauseField />
          </DataTable.Col>
          <DataTable.Col source="costFen">
            <MoneyField source="costFen" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="reportedAt">
            <DateTimeField source="reportedAt" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  );
};
