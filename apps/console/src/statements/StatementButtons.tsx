import type { StatementDto } from '@fleet/shared/contracts';
import CheckIcon from '@mui/icons-material/Check';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Button, TextInput, required, useCanAccess, useRecordContext } from 'react-admin';

import { ActionDialog } from '../common/ActionDialog';
import { PrintButtons } from '../common/PrintButtons';
import { useApiAction } from '../common/apiAction';

const requiredValue = required();

// Only a statement still waiting for its officer's answer can be acknowledged or disputed.
const isOpen = (statement: StatementDto) => statement.status === 'issued';

/** The notice (超额费用通知单): the A4 page to print, or its PDF. */
export const PrintStatementButton = ({ statement }: { statement?: StatementDto }) => {
  const fromContext = useRecordContext<StatementDto>();
  const record = statement ?? fromContext;
  if (!record) {
    return null;
  }
  return (
    <PrintButtons
      path={`/statements/${record.id}/print`}
      label="fleet.statements.print"
      fileName={`statement-${record.period}-${record.id}`}
    />
  );
};

/** The officer confirms the statement is right. */
export const AcknowledgeStatementButton = ({ statement }: { statement?: StatementDto }) => {
  const fromContext = useRecordContext<StatementDto>();
  const record = statement ?? fromContext;
  const { canAccess } = useCanAccess({ action: 'acknowledge', resource: 'statements' });
  const { run, pending } = useApiAction();
  if (!record || !canAccess || !isOpen(record)) {
    return null;
  }
  return (
    <Button
      label="fleet.statements.acknowledge"
      disabled={pending}
      onClick={(event) => {
        event.stopPropagation();
        void run((provider) => provider.acknowledgeStatement(record.id));
      }}
    >
      <CheckIcon />
    </Button>
  );
};

/** The officer disputes the statement, saying why. */
export const DisputeStatementButton = ({ statement }: { statement?: StatementDto }) => {
  const fromContext = useRecordContext<StatementDto>();
  const record = statement ?? fromContext;
  const { canAccess } = useCanAccess({ action: 'dispute', resource: 'statements' });
  if (!record || !canAccess || !isOpen(record)) {
    return null;
  }
  return (
    <ActionDialog<{ disputeReason: string }>
      label="fleet.statements.dispute"
      icon={<ReportProblemIcon />}
      title="fleet.statements.dispute_title"
      resource="statements"
      action={(provider, values) => provider.disputeStatement(record.id, values.disputeReason.trim())}
    >
      <TextInput source="disputeReason" validate={requiredValue} multiline fullWidth />
    </ActionDialog>
  );
};
