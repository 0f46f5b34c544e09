import { BooleanInput, DataTable, List, ReferenceField } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { BulkActions } from '../common/BulkActions';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { DeviceReferenceInput, OfficerReferenceInput } from '../common/ReferenceInputs';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { AcceptButton, ReceiptButton, VoidAssignmentButton } from './AssignmentButtons';

const assignmentFilters = [
  <DeviceReferenceInput key="deviceId" source="deviceId" alwaysOn />,
  <OfficerReferenceInput key="officerId" source="officerId" alwaysOn />,
  <BooleanInput key="open" source="open" alwaysOn />,
  // The API leaves voided records out unless asked: without this the void columns would always be empty.
  <BooleanInput key="includeVoided" source="includeVoided" alwaysOn />,
];

const AssignmentList = () => (
  <List
    filters={assignmentFilters}
    sort={{ field: 'startAt', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick={false} bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="deviceId">
        <ReferenceField source="deviceId" reference="devices" link="show" />
      </DataTable.Col>
      <DataTable.Col source="officerId">
        <ReferenceField source="officerId" reference="officers" link="show" />
      </DataTable.Col>
      <DataTable.Col source="startAt">
        <DateTimeField source="startAt" />
      </DataTable.Col>
      <DataTable.Col source="endAt">
        <DateTimeField source="endAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="condition" />
      <DataTable.Col source="acceptedAt">
        <DateTimeField source="acceptedAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="voidedAt">
        <DateTimeField source="voidedAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="voidReason" />
      <DataTable.Col>
        <ReceiptButton />
        <AcceptButton />
        <VoidAssignmentButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default AssignmentList;
