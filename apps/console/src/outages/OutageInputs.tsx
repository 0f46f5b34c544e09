import {
  AutocompleteArrayInput,
  FormDataConsumer,
  ReferenceArrayInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';

import { DateTimeInput } from '../common/DateTextInputs';

const requiredValue = required();
export const OUTAGE_CAUSE_CHOICES = ['carrier', 'force_majeure', 'bureau'].map((id) => ({
  id,
  name: `fleet.outage_cause.${id}`,
}));
export const OUTAGE_SCOPE_CHOICES = ['all', 'sims'].map((id) => ({ id, name: `fleet.outage_scope.${id}` }));

/** An outage: when, why, and which SIMs (all of them, or the ones picked by number). */
export const OutageInputs = () => (
  <>
    <DateTimeInput source="startAt" validate={requiredValue} />
    <DateTimeInput source="endAt" validate={requiredValue} />
    <SelectInput source="cause" choices={OUTAGE_CAUSE_CHOICES} validate={requiredValue} />
    <SelectInput source="scope" choices={OUTAGE_SCOPE_CHOICES} validate={requiredValue} />
    <FormDataConsumer<{ scope?: string }>>
      {({ formData }) =>
        formData.scope === 'sims' && (
          <ReferenceArrayInput source="simIds" reference="sim-cards" perPage={100}>
            <AutocompleteArrayInput
              optionText="msisdn"
              filterToQuery={(q: string) => ({ q })}
              validate={requiredValue}
              fullWidth
            />
          </ReferenceArrayInput>
        )
      }
    </FormDataConsumer>
    <TextInput source="note" multiline fullWidth />
  </>
);
