import { DataTable, List, ReferenceField, SelectField, SelectInput } from 'react-admin';

import { LOST_KIND_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';

const lostReportFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={LOST_KIND_CHOICES} alwaysOn />,
];

const LostReportList = () => (
  <List
    filters={lostReportFilters}
    sort={{ field: 'reportedAt', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="deviceId">
        <ReferenceField source="deviceId" reference="devices" link="show" />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={LOST_KIND_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="reportedAt">
        <DateTimeField source="reportedAt" />
      </DataTable.Col>
      <DataTable.Col source="reportedByOfficerId">
        <ReferenceField source="reportedByOfficerId" reference="officers" link="show" />
      </DataTable.Col>
      <DataTable.Col source="policeCaseNo" />
      <DataTable.Col source="confirmedAt">
        <DateTimeField source="confirmedAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="foundAt">
        <DateTimeField source="foundAt" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default LostReportList;
