import type { StocktakeDto } from '@fleet/shared/contracts';
import { DataTable, List, ReferenceField, SelectField, SelectInput } from 'react-admin';

import { STOCKTAKE_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { UnitReferenceInput } from '../common/UnitReferenceInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';

const stocktakeFilters = [
  <UnitReferenceInput key="unitId" source="unitId" alwaysOn />,
  <SelectInput key="status" source="status" choices={STOCKTAKE_STATUS_CHOICES} alwaysOn />,
];

const count = (ids: keyof StocktakeDto) => (stocktake: StocktakeDto) => (stocktake[ids] as unknown[]).length;

const StocktakeList = () => (
  <List
    filters={stocktakeFilters}
    sort={{ field: 'startedAt', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startedAt">
        <DateTimeField source="startedAt" />
      </DataTable.Col>
      <DataTable.Col source="unitId">
        <ReferenceField source="unitId" reference="units" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={STOCKTAKE_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="expectedDeviceIds" disableSort render={count('expectedDeviceIds')} />
      <DataTable.Col source="foundDeviceIds" disableSort render={count('foundDeviceIds')} />
      <DataTable.Col source="missingDeviceIds" disableSort render={count('missingDeviceIds')} />
      <DataTable.Col source="closedAt">
        <DateTimeField source="closedAt" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default StocktakeList;
