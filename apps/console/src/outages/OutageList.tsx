import { DataTable, List, SelectInput } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { OutageCauseField, OutageSimsField } from './OutageFields';
import { OUTAGE_CAUSE_CHOICES } from './OutageInputs';

const filters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <SelectInput key="cause" source="cause" choices={OUTAGE_CAUSE_CHOICES} alwaysOn />,
];

/** Outages with their cause and the SIMs they touched; only carrier-caused ones earn SLA credits. */
const OutageList = () => (
  <List
    filters={filters}
    sort={{ field: 'startAt', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startAt">
        <DateTimeField source="startAt" />
      </DataTable.Col>
      <DataTable.Col source="endAt">
        <DateTimeField source="endAt" />
      </DataTable.Col>
      <DataTable.Col source="cause">
        <OutageCauseField />
      </DataTable.Col>
      <DataTable.Col source="simIds" disableSort>
        <OutageSimsField />
      </DataTable.Col>
      <DataTable.Col source="note" />
    </DataTable>
  </List>
);

export default OutageList;
