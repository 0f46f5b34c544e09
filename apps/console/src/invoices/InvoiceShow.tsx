import { EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { MoneyField } from '../common/MoneyField';

const InvoiceShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <ReferenceField source="contractId" reference="contracts" link="show" />
      <TextField source="invoiceNo" />
      <CalendarDateField source="issuedOn" />
      <TextField source="fromPeriod" />
      <TextField source="toPeriod" />
      <MoneyField source="amountFen" />
      <MoneyField source="taxFen" />
      <MoneyField source="creditsFen" />
      <MoneyField source="expectedFen" />
      <MoneyField source="differenceFen" />
      <TextField source="note" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default InvoiceShow;
