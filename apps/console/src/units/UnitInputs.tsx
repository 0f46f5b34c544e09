import { required, TextInput } from 'react-admin';

import { UnitReferenceInput } from '../common/UnitReferenceInput';

/** The fields of a unit, shared by the create and edit forms; no parent makes it a top-level unit. */
export const UnitInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <UnitReferenceInput source="parentId" />
  </>
);
