import { DataTable, List } from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';

const filters = [<SearchFilterInput key="q" source="q" alwaysOn />];

/** The carrier's invoices with the tax in them and how far each is from what the contract expects. */
const InvoiceList = () => (
  <List
    filters={filters}
    sort={{ field: 'issuedOn', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="invoiceNo" />
      <DataTable.Col source="issuedOn">
        <CalendarDateField source="issuedOn" />
      </DataTable.Col>
      <DataTable.Col source="fromPeriod" />
      <DataTable.Col source="toPeriod" disableSort />
      <DataTable.Col source="amountFen">
        <MoneyField source="amountFen" />
      </DataTable.Col>
      <DataTable.Col source="taxFen" disableSort>
        <MoneyField source="taxFen" />
      </DataTable.Col>
      <DataTable.Col source="expectedFen" disableSort>
        <MoneyField source="expectedFen" />
      </DataTable.Col>
      <DataTable.Col source="differenceFen" disableSort>
        <MoneyField source="differenceFen" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default InvoiceList;
