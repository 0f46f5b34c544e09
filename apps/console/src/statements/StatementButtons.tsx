import type { StatementDto } from '@fleet/shared/contracts';
import CheckIcon from '@mui/icons-material/Check';
import PrintIcon from '@mui/icons-material/Print';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Button, TextInput, required, useCanAccess, useNotify, useRecordContext } from 'react-admin';

import { ActionDialog } from '../common/ActionDialog';
import { errorMessageOf, useApiAction } from '../common/apiAction';
import { dataProvider } from '../providers/dataProvider';

const requiredValue = required();

// Only a statement still waiting for its officer's answer can be acknowledged or disputed.
const isOpen = (statement: StatementDto) => statement.status === 'issued';

/** The printable notice (超额费用通知单) in a new tab: fetched with the token, shown from a blob. */
export const PrintStatementButton = ({ statement }: { statement?: StatementDto }) => {
  const fromContext = useRecordContext<StatementDto>();
  const record = statement ?? fromContext;
  const notify = useNotify();
  if (!record) {
    return null;
  }
  const open = async () => {
    try {
      await dataProvider.openStatementPrint(record.id);
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    }
  };
  return (
    <Button
      label="fleet.statements.print"
      onClick={(event) => {
        event.stopPropagation();
        void open();
      }}
    >
      <PrintIcon />
    </Button>
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
