import type { DeviceDto } from '@fleet/shared/contracts';
import { BooleanInput, required, SelectInput, TextInput } from 'react-admin';

import { CalendarDateInput } from '../common/DateTextInputs';

import { OWNERSHIP_CHOICES } from '../common/choices';
import { normalizeIdentifier, normalizeOptionalIdentifier } from '../common/identifierValidators';
import { ImeiFormInput } from '../common/ImeiInput';
import { UnitReferenceInput } from '../common/UnitReferenceInput';

const requiredValue = required();

/** The fields of a device, shared by the create and edit forms; status follows custody, not the form. */
export const DeviceInputs = () => (
  <>
    <TextInput source="model" validate={requiredValue} />
    <ImeiFormInput source="imei1" validate={requiredValue} />
    <ImeiFormInput source="imei2" />
    <TextInput source="serialNumber" />
    <BooleanInput source="dualSystem" />
    <CalendarDateInput source="receivedOn" validate={requiredValue} />
    <CalendarDateInput source="leaseStartOn" />
    <CalendarDateInput source="leaseEndOn" />
    <SelectInput source="ownership" choices={OWNERSHIP_CHOICES} validate={requiredValue} />
    <UnitReferenceInput source="unitId" />
    <TextInput source="notes" multiline />
  </>
);

export type DeviceFormValues = Omit<DeviceDto, 'id' | 'warrantyEndOn' | 'status' | 'currentOfficerId'>;

/** Sends IMEIs in their stored form (a pasted "86791206 062249 3" as 15 digits) and empty fields as null. */
export function toDevicePayload(values: DeviceFormValues): DeviceFormValues {
  return {
    ...values,
    model: values.model.trim(),
    imei1: normalizeIdentifier('imei', values.imei1),
    imei2: normalizeOptionalIdentifier('imei', values.imei2),
    serialNumber: values.serialNumber?.trim() || null,
    leaseStartOn: values.leaseStartOn || null,
    leaseEndOn: values.leaseEndOn || null,
    unitId: values.unitId ?? null,
    notes: values.notes?.trim() || null,
  };
}
