import { BooleanField, DataTable, List, ReferenceField, SelectField, SelectInput } from 'react-admin';

import { ROLE_CHOICES } from '../common/choices';
import { ListPagination } from '../common/ListPagination';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { BulkActions } from '../common/BulkActions';
import { ListActions } from '../common/ListActions';

const userFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />,
];

const UserList = () => (
  <List
    filters={userFilters}
    sort={{ field: 'username', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="username" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={ROLE_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="officerId">
        <ReferenceField source="officerId" reference="officers" link="show" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="disabled">
        <BooleanField source="disabled" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default UserList;
