import { DataTable, List, SelectField, SelectInput, TextInput } from 'react-admin';

import { IMPORT_STATUS_CHOICES, USAGE_KIND_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListPagination } from '../common/ListPagination';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { UsageImportProgress } from './UsageImportProgress';
import { RejectedRowsButton } from '../common/RejectedRowsButton';
import { BulkActions } from '../common/BulkActions';
import { ListActions } from '../common/ListActions';

const filters = [
  <SelectInput key="kind" source="kind" choices={USAGE_KIND_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={IMPORT_STATUS_CHOICES} alwaysOn />,
  <TextInput key="period" source="period" alwaysOn />,
];

const UsageImportList = () => (
  <List
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={USAGE_KIND_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="period" />
      <DataTable.Col source="fileName" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={IMPORT_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="rowsDone" disableSort>
        <UsageImportProgress />
      </DataTable.Col>
      <DataTable.Col>
        <RejectedRowsButton resource="usage-imports" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default UsageImportList;
