import type { InstallmentDto } from '@fleet/shared/contracts';
import { NumberField, ReferenceField, Show, SimpleShowLayout, TopToolbar, WithRecord } from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { MoneyField } from '../common/MoneyField';
import { InstallmentStatusField } from './InstallmentFields';
import { InstallmentPayments } from './InstallmentPayments';
import { RecordPaymentButton } from './PaymentButtons';

const InstallmentShow = () => (
  <Show
    actions={
      <TopToolbar>
        <WithRecord<InstallmentDto>
          render={(installment) => <RecordPaymentButton installment={installment} />}
        />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <ReferenceField source="contractId" reference="contracts" link="show" />
      <NumberField source="seq" />
      <CalendarDateField source="dueOn" />
      <MoneyField source="amountFen" />
      <MoneyField source="paidFen" />
      <MoneyField source="balanceFen" />
      <CalendarDateField source="paidOn" emptyText="—" />
      <InstallmentStatusField source="status" />
      <InstallmentPayments />
    </SimpleShowLayout>
  </Show>
);

export default InstallmentShow;
