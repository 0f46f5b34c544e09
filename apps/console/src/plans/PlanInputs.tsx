import { minValue, NumberInput, required, TextInput } from 'react-admin';

import { MoneyInput } from '../common/MoneyField';

const requiredValue = required();
const notNegative = minValue(0);

/** Allowances are whole units: minutes, KB (the carrier's unit), messages, months. */
export const PlanInputs = () => (
  <>
    <TextInput source="name" validate={requiredValue} />
    <MoneyInput source="monthlyFeeFen" validate={[requiredValue, notNegative]} />
    <NumberInput source="voiceMin" step={1} validate={[requiredValue, notNegative]} />
    <NumberInput source="nationalKb" step={1} validate={[requiredValue, notNegative]} />
    <NumberInput source="apnKb" step={1} validate={[requiredValue, notNegative]} />
    <NumberInput source="sms" step={1} validate={[requiredValue, notNegative]} />
    <NumberInput source="termMonths" step={1} validate={[requiredValue, notNegative]} />
  </>
);
