import { minValue, NumberInput, required, TextInput } from 'react-admin';

import { MoneyInput } from '../common/MoneyField';
import { GigabyteInput } from './PlanFields';

const requiredValue = required();
const notNegative = minValue(0);

/** Allowances: whole minutes, messages and months; data typed in GB (stored in KB, the carrier's unit). */
export const PlanInputs = () => (
  <>
    <TextInput source="name" validate={requiredValue} />
    <MoneyInput source="monthlyFeeFen" validate={[requiredValue, notNegative]} />
    <NumberInput
      source="voiceMin"
      label="fleet.plans.voice_min"
      step={1}
      validate={[requiredValue, notNegative]}
    />
    <GigabyteInput
      source="nationalKb"
      label="fleet.plans.national_gb"
      validate={[requiredValue, notNegative]}
    />
    <GigabyteInput source="apnKb" label="fleet.plans.apn_gb" validate={[requiredValue, notNegative]} />
    <NumberInput
      source="sms"
      label="fleet.plans.sms_count"
      step={1}
      validate={[requiredValue, notNegative]}
    />
    <NumberInput source="termMonths" step={1} validate={[requiredValue, notNegative]} />
  </>
);
