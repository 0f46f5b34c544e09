import { DataTable, List } from 'react-admin';

import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { PLAN_NUMBER_SOURCES } from './PlanFields';

const planFilters = [<SearchFilterInput key="q" source="q" alwaysOn />];

const PlanList = () => (
  <List
    filters={planFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="monthlyFeeFen">
        <MoneyField source="monthlyFeeFen" />
      </DataTable.Col>
      {PLAN_NUMBER_SOURCES.map((source) => (
        <DataTable.NumberCol key={source} source={source} />
      ))}
    </DataTable>
  </List>
);

export default PlanList;
