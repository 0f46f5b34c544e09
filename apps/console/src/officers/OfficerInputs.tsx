import type { OfficerDto } from '@fleet/shared/contracts';
import { required, SelectInput, TextInput } from 'react-admin';

import { OFFICER_STATUS_CHOICES } from '../common/choices';
import { normalizeIdentifier, useIdentifierValidator } from '../common/identifierValidators';
import { UnitReferenceInput } from '../common/UnitReferenceInput';

const requiredValue = required();

/** The fields of an officer, shared by the create and edit forms. */
export const OfficerInputs = () => {
  const validBadgeNo = useIdentifierValidator('badgeNo');
  const validMobile = useIdentifierValidator('msisdn');
  return (
    <>
      <TextInput source="badgeNo" validate={[requiredValue, validBadgeNo]} />
      <TextInput source="name" validate={requiredValue} />
      <UnitReferenceInput source="unitId" validate={requiredValue} />
      <TextInput source="mobile" validate={validMobile} />
      <SelectInput source="status" choices={OFFICER_STATUS_CHOICES} validate={requiredValue} />
    </>
  );
};

export type OfficerFormValues = Omit<OfficerDto, 'id'>;

/** Sends identifiers in their stored form (a pasted "138 0013 8000" as 13800138000) and no mobile as null. */
export function toOfficerPayload(values: OfficerFormValues): OfficerFormValues {
  const mobile = values.mobile?.trim() ? normalizeIdentifier('msisdn', values.mobile) : null;
  return {
    ...values,
    badgeNo: normalizeIdentifier('badgeNo', values.badgeNo),
    name: values.name.trim(),
    mobile,
  };
}
