import { Create, SimpleForm } from 'react-admin';

import { ContractInputs } from './ContractInputs';

// The clauses' usual figures as a start (domain.md §1); every one is the admin's to change.
const DEFAULTS = {
  termMonths: 36,
  installmentIntervalMonths: 6,
  lateRateBp: 30,
  terminationDays: 90,
  terminationClaimBp: 3000,
  vatRateBp: 600,
  slaDayHours: 3,
  slaMonthHours: 72,
  changeNoticeDays: 15,
  terminationNoticeDays: 30,
};

const ContractCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={DEFAULTS}>
      <ContractInputs />
    </SimpleForm>
  </Create>
);

export default ContractCreate;
