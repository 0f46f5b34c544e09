import { DataTable, List } from 'react-admin';

import { BulkActions } from '../common/BulkActions';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { PLAN_ALLOWANCES, PlanAllowanceField } from './PlanFields';

const planFilters = [<SearchFilterInput key="q" source="q" alwaysOn />];

const PlanList = () => (
  <List
    filters={planFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="name" />
      <DataTable.Col source="monthlyFeeFen">
        <MoneyField source="monthlyFeeFen" />
      </DataTable.Col>
      {PLAN_ALLOWANCES.map((allowance) => (
        <DataTable.Col key={allowance.source} source={allowance.source} align="right">
          <PlanAllowanceField {...allowance} />
        </DataTable.Col>
      ))}
      <DataTable.NumberCol source="termMonths" />
    </DataTable>
  </List>
);

export default PlanList;
