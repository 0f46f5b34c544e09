import { DataTable, List, SelectField, SelectInput } from 'react-admin';

import { IMPORT_KIND_CHOICES, IMPORT_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { ImportProgress } from './ImportProgress';
import { RejectedRowsButton } from '../common/RejectedRowsButton';

const importFilters = [
  <SelectInput key="kind" source="kind" choices={IMPORT_KIND_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={IMPORT_STATUS_CHOICES} alwaysOn />,
];

const ImportList = () => (
  <List
    filters={importFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={IMPORT_KIND_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="fileName" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={IMPORT_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="rowsDone" disableSort>
        <ImportProgress />
      </DataTable.Col>
      <DataTable.NumberCol source="rowsCreated" />
      <DataTable.NumberCol source="rowsUpdated" />
      <DataTable.NumberCol source="rowsUnchanged" />
      <DataTable.NumberCol source="rowsRejected" />
      <DataTable.Col>
        <RejectedRowsButton resource="imports" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default ImportList;
