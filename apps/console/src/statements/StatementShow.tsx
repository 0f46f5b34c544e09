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
import { isRepairLine, StatementRepairLines } from './StatementRepairLines';

const LinesField = () => {
  const statement = useRecordContext<StatementWithLinesDto>();
  // The list's cached record (shown until the statement loads) carries no lines.
  if (!statement?.lines) {
    return null;
  }
  const usage = statement.lines.filter((line) => !isRepairLine(line));
  // A statement of repair charges only has no usage table to show.
  return usage.length > 0 || usage.length === statement.lines.length ? (
    <Labeled label="fleet.statements.lines">
      <StatementLines lines={usage} />
    </Labeled>
  ) : null;
};

/** Repair charges (issue 5) in a section of their own: they have no usage to show. */
const RepairLinesField = () => {
  const statement = useRecordContext<StatementWithLinesDto>();
  const repairs = statement?.lines?.filter(isRepairLine) ?? [];
  return repairs.length > 0 ? (
    <Labeled label="fleet.statements.repair_lines">
      <StatementRepairLines lines={repairs} />
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
      <RepairLinesField />
    </SimpleShowLayout>
  </Show>
);

export default StatementShow;
