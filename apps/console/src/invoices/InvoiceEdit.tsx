import { Edit, SimpleForm } from 'react-admin';

import { InvoiceInputs } from './InvoiceInputs';

// The computed figures (tax, expected, difference) are the API's; an edit sends what was typed.
const editable = ({
  invoiceNo,
  issuedOn,
  fromPeriod,
  toPeriod,
  amountFen,
  note,
}: Record<string, unknown>) => ({
  invoiceNo,
  issuedOn,
  fromPeriod,
  toPeriod,
  amountFen,
  note,
});

const InvoiceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={editable}>
    <SimpleForm>
      <InvoiceInputs />
    </SimpleForm>
  </Edit>
);

export default InvoiceEdit;
