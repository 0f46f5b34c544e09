import { EditButton, NumberField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { MoneyField } from '../common/MoneyField';

/** The contract as the rules read it: every figure of domain.md §1, and what follows from them. */
const ContractShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="bureau" />
      <TextField source="carrier" />
      <CalendarDateField source="signedOn" />
      <CalendarDateField source="startsOn" />
      <CalendarDateField source="endsOn" />
      <NumberField source="termMonths" />
      <NumberField source="simCount" />
      <MoneyField source="monthlyFeeFen" />
      <MoneyField source="totalFen" />
      <MoneyField source="installmentFen" />
      <NumberField source="installmentCount" />
      <CalendarDateField source="firstDueOn" />
      <NumberField source="installmentIntervalMonths" />
      <NumberField source="lateRateBp" />
      <MoneyField source="lateDailyFen" />
      <NumberField source="terminationDays" />
      <NumberField source="terminationClaimBp" />
      <MoneyField source="terminationClaimFen" />
      <NumberField source="vatRateBp" />
      <NumberField source="slaDayHours" />
      <NumberField source="slaMonthHours" />
      <NumberField source="changeNoticeDays" />
      <CalendarDateField source="changeNoticeBy" />
      <NumberField source="terminationNoticeDays" />
      <CalendarDateField source="terminationNoticeBy" />
    </SimpleShowLayout>
  </Show>
);

export default ContractShow;
