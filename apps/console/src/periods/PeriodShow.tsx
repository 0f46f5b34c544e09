import { NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { PERIOD_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { BillCheckTable } from './BillCheckTable';
import { ClosePeriodButton, StatementsWorkbookButton } from './PeriodButtons';

const PeriodShow = () => (
  <Show
    actions={
      <TopToolbar>
        <StatementsWorkbookButton />
        <ClosePeriodButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="period" />
      <SelectField source="status" choices={PERIOD_STATUS_CHOICES} />
      <NumberField source="version" />
      <DateTimeField source="closedAt" emptyText="—" />
      <NumberField source="statements" />
      <MoneyField source="officerTotalFen" />
      <MoneyField source="bureauTotalFen" />
      <BillCheckTable />
    </SimpleShowLayout>
  </Show>
);

export default PeriodShow;
