import { Edit, SimpleForm } from 'react-admin';

import { OfficerInputs, toOfficerPayload } from './OfficerInputs';

// Pessimistic, so a refusal from the API (a badge number already taken) shows under its field.
const OfficerEdit = () => (
  <Edit mutationMode="pessimistic" transform={toOfficerPayload} redirect="show">
    <SimpleForm>
      <OfficerInputs />
    </SimpleForm>
  </Edit>
);

export default OfficerEdit;
