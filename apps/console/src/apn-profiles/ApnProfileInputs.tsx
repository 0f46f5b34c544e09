import { required, TextInput } from 'react-admin';

const requiredValue = required();

export const ApnProfileInputs = () => (
  <>
    <TextInput source="name" validate={requiredValue} />
    <TextInput source="apn" validate={requiredValue} />
    <TextInput source="description" multiline />
  </>
);
