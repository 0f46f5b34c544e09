import type { UserDto } from '@fleet/shared/contracts';
import {
  AutocompleteInput,
  BooleanInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';

import { ROLE_CHOICES } from '../common/choices';

const requiredValue = required();

// An officer's account only ever shows that officer's own data, so it must say which officer it is.
const officerRequiredForOfficerRole: Validator = (value: unknown, values: Partial<UserDto>) =>
  values.role === 'officer' && (value === null || value === undefined || value === '')
    ? 'ra.validation.required'
    : undefined;

function searchOfficers(text: string) {
  return { q: text };
}

/** The fields of a user account, shared by the create and edit forms (the password is set on create only). */
export const UserInputs = () => (
  <>
    <TextInput source="username" validate={requiredValue} autoComplete="off" />
    <SelectInput source="role" choices={ROLE_CHOICES} validate={requiredValue} />
    <ReferenceInput source="officerId" reference="officers" sort={{ field: 'badgeNo', order: 'ASC' }}>
      <AutocompleteInput filterToQuery={searchOfficers} validate={officerRequiredForOfficerRole} />
    </ReferenceInput>
    <BooleanInput source="disabled" />
  </>
);
