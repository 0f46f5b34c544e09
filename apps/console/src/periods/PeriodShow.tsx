import type { PeriodDto } from '@fleet/shared/contracts';
import {
  Labeled,
  Link,
  NumberField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useTranslate,
  WithRecord,
} from 'react-admin';

import { PERIOD_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { BillCheckTable } from './BillCheckTable';
import { statementsOfPeriod } from './ClosePeriodDialog';
import { StatementTable } from '../statements/StatementTable';
import { ClosePeriodButton, StatementsWorkbookButton } from './PeriodButtons';

/** The month's statements, every version (the superseded ones marked), each opening its statement. */
const PeriodStatements = () => {
  const translate = useTranslate();
  return (
    <Labeled label="fleet.periods.statements_title">
      <ReferenceManyField
        reference="statements"
        target="period"
        source="period"
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        pagination={<ListPagination />}
      >
        <WithRecord<PeriodDto>
          render={(period) => (
            <Link to={statementsOfPeriod(period.period)}>{translate('fleet.periods.view_statements')}</Link>
          )}
        />
        <StatementTable withPeriod={false} withOfficer bureauText="fleet.periods.bureau" />
      </ReferenceManyField>
    </Labeled>
  );
};

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
      <PeriodStatements />
      <BillCheckTable />
    </SimpleShowLayout>
  </Show>
);

export default PeriodShow;
