import { Create, SimpleForm } from 'react-admin';

import { OfficerInputs, toOfficerPayload, type OfficerFormValues } from './OfficerInputs';

const defaultValues: Partial<OfficerFormValues> = { status: 'active' };

const OfficerCreate = () => (
  <Create transform={toOfficerPayload} redirect="show">
    <SimpleForm defaultValues={defaultValues}>
      <OfficerInputs />
    </SimpleForm>
  </Create>
);

export default OfficerCreate;
