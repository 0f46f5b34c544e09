import type { StatementWithLinesDto } from '@fleet/shared/contracts';
import {
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';

import { STATEMENT_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { AcknowledgeStatementButton, DisputeStatementButton, PrintStatementButton } from './StatementButtons';
import { StatementLines } from './StatementLines';

const LinesField = () => {
  const statement = useRecordContext<StatementWithLinesDto>();
  // The list's cached record (shown until the statement loads) carries no lines.
  return statement?.lines ? (
    <Labeled label="fleet.statements.lines">
      <StatementLines lines={statement.lines} />
    </Labeled>
  ) : null;
};

const StatementShow = () => (
  <Show
    actions={
      <TopToolbar>
        <PrintStatementButton />
        <AcknowledgeStatementButton />
        <DisputeStatementButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="period" />
      <ReferenceField source="officerId" reference="officers" link={false} emptyText="—" />
      <NumberField source="version" />
      <SelectField source="status" choices={STATEMENT_STATUS_CHOICES} />
      <MoneyField source="totalFen" />
      <MoneyField source="previousTotalFen" emptyText="—" />
      <DateTimeField source="issuedAt" />
      <DateTimeField source="acknowledgedAt" emptyText="—" />
      <DateTimeField source="disputedAt" emptyText="—" />
      <TextField source="disputeReason" emptyText="—" />
      <LinesField />
    </SimpleShowLayout>
  </Show>
);

export default StatementShow;
