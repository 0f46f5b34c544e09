import { Create, SimpleForm } from 'react-admin';

import { InvoiceInputs } from './InvoiceInputs';

const InvoiceCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <InvoiceInputs />
    </SimpleForm>
  </Create>
);

export default InvoiceCreate;
