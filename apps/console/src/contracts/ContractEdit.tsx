import { Edit, SimpleForm } from 'react-admin';

import { ContractInputs } from './ContractInputs';

const ContractEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ContractInputs />
    </SimpleForm>
  </Edit>
);

export default ContractEdit;
