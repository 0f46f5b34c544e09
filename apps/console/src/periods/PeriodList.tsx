import { DataTable, List, NumberField, SelectField, SelectInput } from 'react-admin';

import { PERIOD_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { ClosePeriodDialog, StatementsWorkbookButton } from './PeriodButtons';
import { BulkActions } from '../common/BulkActions';
import { ListActions } from '../common/ListActions';

const filters = [<SelectInput key="status" source="status" choices={PERIOD_STATUS_CHOICES} alwaysOn />];

const PeriodList = () => (
  <List
    filters={filters}
    sort={{ field: 'period', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    // No month is listed before its first close: the toolbar's close button must show anyway.
    empty={false}
    actions={
      <ListActions>
        <ClosePeriodDialog />
      </ListActions>
    }
  >
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="period" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={PERIOD_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.NumberCol source="version" />
      <DataTable.Col source="closedAt">
        <DateTimeField source="closedAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="statements" disableSort>
        <NumberField source="statements" />
      </DataTable.Col>
      <DataTable.Col source="officerTotalFen" disableSort>
        <MoneyField source="officerTotalFen" />
      </DataTable.Col>
      <DataTable.Col source="bureauTotalFen" disableSort>
        <MoneyField source="bureauTotalFen" />
      </DataTable.Col>
      <DataTable.Col>
        <StatementsWorkbookButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default PeriodList;
