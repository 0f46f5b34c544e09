import { DataTable, List } from 'react-admin';

import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';

const apnProfileFilters = [<SearchFilterInput key="q" source="q" alwaysOn />];

const ApnProfileList = () => (
  <List
    filters={apnProfileFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="apn" />
      <DataTable.Col source="description" />
    </DataTable>
  </List>
);

export default ApnProfileList;
