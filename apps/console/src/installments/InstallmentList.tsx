import type { InstallmentDto } from '@fleet/shared/contracts';
import { DataTable, List, SelectInput, WithRecord } from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { InstallmentStatusField } from './InstallmentFields';
import { RecordPaymentButton } from './PaymentButtons';

const STATUS_CHOICES = ['upcoming', 'due', 'overdue', 'partly_paid', 'paid'].map((id) => ({
  id,
  name: `fleet.installment_status.${id}`,
}));

const filters = [<SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />];

/** The payment schedule with what is paid and left of each; a payment is recorded from its row. */
const InstallmentList = () => (
  <List
    filters={filters}
    sort={{ field: 'seq', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.NumberCol source="seq" />
      <DataTable.Col source="dueOn">
        <CalendarDateField source="dueOn" />
      </DataTable.Col>
      <DataTable.Col source="amountFen">
        <MoneyField source="amountFen" />
      </DataTable.Col>
      <DataTable.Col source="paidFen">
        <MoneyField source="paidFen" />
      </DataTable.Col>
      <DataTable.Col source="balanceFen">
        <MoneyField source="balanceFen" />
      </DataTable.Col>
      <DataTable.Col source="paidOn">
        <CalendarDateField source="paidOn" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <InstallmentStatusField />
      </DataTable.Col>
      <DataTable.Col label="" disableSort>
        {/* The row opens the installment; a click on the button or in its dialog (a portal, but React
            bubbles through it) must not. */}
        <span onClick={(event) => event.stopPropagation()}>
          <WithRecord<InstallmentDto>
            render={(installment) => <RecordPaymentButton installment={installment} />}
          />
        </span>
      </DataTable.Col>
    </DataTable>
  </List>
);

export default InstallmentList;
