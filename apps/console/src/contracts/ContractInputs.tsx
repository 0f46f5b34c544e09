import { NumberInput, required, TextInput, minValue } from 'react-admin';

import { CalendarDateInput } from '../common/DateTextInputs';

import { MoneyInput } from '../common/MoneyField';

const requiredValue = required();
const positive = minValue(1);
const notNegative = minValue(0);

/** The contract's figures: money in yuan (sent in fen), rates in basis points, periods in months and days. */
export const ContractInputs = () => (
  <>
    <TextInput source="name" validate={requiredValue} fullWidth />
    <TextInput source="bureau" validate={requiredValue} fullWidth />
    <TextInput source="carrier" validate={requiredValue} fullWidth />
    <CalendarDateInput source="signedOn" validate={requiredValue} />
    <CalendarDateInput source="startsOn" validate={requiredValue} />
    <NumberInput source="termMonths" step={1} validate={[requiredValue, positive]} />
    <NumberInput source="simCount" step={1} validate={[requiredValue, positive]} />
    <MoneyInput source="monthlyFeeFen" validate={[requiredValue, notNegative]} />
    <MoneyInput source="installmentFen" validate={[requiredValue, positive]} />
    <NumberInput source="installmentCount" step={1} validate={[requiredValue, positive]} />
    <CalendarDateInput source="firstDueOn" validate={requiredValue} />
    <NumberInput source="installmentIntervalMonths" step={1} validate={[requiredValue, positive]} />
    <NumberInput source="lateRateBp" step={1} validate={[requiredValue, notNegative]} />
    <MoneyInput source="lateDailyFen" validate={[requiredValue, notNegative]} />
    <NumberInput source="terminationDays" step={1} validate={[requiredValue, positive]} />
    <NumberInput source="terminationClaimBp" step={1} validate={[requiredValue, notNegative]} />
    <NumberInput source="vatRateBp" step={1} validate={[requiredValue, notNegative]} />
    <NumberInput source="slaDayHours" step={1} validate={[requiredValue, positive]} />
    <NumberInput source="slaMonthHours" step={1} validate={[requiredValue, positive]} />
    <NumberInput source="changeNoticeDays" step={1} validate={[requiredValue, notNegative]} />
    <NumberInput source="terminationNoticeDays" step={1} validate={[requiredValue, notNegative]} />
  </>
);
