import type { SimCardDto } from '@fleet/shared/contracts';
import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';

import { CalendarDateInput } from '../common/DateTextInputs';

import { SIM_STATUS_CHOICES } from '../common/choices';
import { normalizeIdentifier, useIdentifierValidator } from '../common/identifierValidators';

const requiredValue = required();

/** The fields of a SIM card; which device it is in changes by installing and removing, not here. */
export const SimCardInputs = () => {
  const validIccid = useIdentifierValidator('iccid');
  const validMsisdn = useIdentifierValidator('msisdn');
  return (
    <>
      <TextInput source="iccid" validate={[requiredValue, validIccid]} />
      <TextInput source="msisdn" validate={[requiredValue, validMsisdn]} />
      <ReferenceInput source="apnProfileId" reference="apn-profiles" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput />
      </ReferenceInput>
      <ReferenceInput source="planId" reference="plans" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput />
      </ReferenceInput>
      <CalendarDateInput source="activatedOn" />
      <CalendarDateInput source="realNameRegisteredOn" />
      <SelectInput source="status" choices={SIM_STATUS_CHOICES} validate={requiredValue} />
    </>
  );
};

export type SimCardFormValues = Pick<
  SimCardDto,
  'iccid' | 'msisdn' | 'apnProfileId' | 'planId' | 'activatedOn' | 'realNameRegisteredOn' | 'status'
>;

/** Sends identifiers in their stored form and empty dates as null. */
export function toSimCardPayload(values: SimCardFormValues): SimCardFormValues {
  return {
    iccid: normalizeIdentifier('iccid', values.iccid),
    msisdn: normalizeIdentifier('msisdn', values.msisdn),
    apnProfileId: values.apnProfileId ?? null,
    planId: values.planId ?? null,
    activatedOn: values.activatedOn || null,
    realNameRegisteredOn: values.realNameRegisteredOn || null,
    status: values.status,
  };
}
