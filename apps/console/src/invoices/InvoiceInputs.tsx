import { required, TextInput } from 'react-admin';

import { CalendarDateInput } from '../common/DateTextInputs';

import { MoneyInput } from '../common/MoneyField';

const requiredValue = required();

/** An invoice as the carrier issued it: number, date, the months it covers, the amount with tax. */
export const InvoiceInputs = () => (
  <>
    <TextInput source="invoiceNo" validate={requiredValue} />
    <CalendarDateInput source="issuedOn" validate={requiredValue} />
    <TextInput source="fromPeriod" type="month" validate={requiredValue} />
    <TextInput source="toPeriod" type="month" validate={requiredValue} />
    <MoneyInput source="amountFen" validate={requiredValue} />
    <TextInput source="note" fullWidth />
  </>
);
