import { DataTable, List, ReferenceField } from 'react-admin';

import { ListPagination } from '../common/ListPagination';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { UnitReferenceInput } from '../common/UnitReferenceInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { BulkActions } from '../common/BulkActions';
import { ListActions } from '../common/ListActions';

const unitFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="parentId" source="parentId" alwaysOn />,
];

const UnitList = () => (
  <List
    filters={unitFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="name" />
      <DataTable.Col source="parentId">
        <ReferenceField source="parentId" reference="units" link="show" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default UnitList;
