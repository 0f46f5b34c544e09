import type { AssignmentDto } from '@fleet/shared/contracts';
import BlockIcon from '@mui/icons-material/Block';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Button, required, TextInput, useCanAccess, useRecordContext } from 'react-admin';

import { ActionDialog } from '../common/ActionDialog';
import { useApiAction } from '../common/apiAction';
import { PrintButtons } from '../common/PrintButtons';

const requiredValue = required();

/** The assignment's receipt (领用签收单, for the officer to sign): to print, or as PDF. */
export const ReceiptButton = () => {
  const assignment = useRecordContext<AssignmentDto>();
  if (!assignment || assignment.voidedAt) {
    return null;
  }
  return (
    <PrintButtons
      path={`/assignments/${assignment.id}/receipt`}
      label="fleet.actions.receipt"
      fileName={`receipt-${assignment.id}`}
    />
  );
};

/** Records that the officer signed for the device, once. */
export const AcceptButton = () => {
  const assignment = useRecordContext<AssignmentDto>();
  const { canAccess } = useCanAccess({ action: 'accept', resource: 'assignments' });
  const { run, pending } = useApiAction();
  if (!assignment || !canAccess || assignment.acceptedAt || assignment.voidedAt) {
    return null;
  }
  return (
    <Button
      label="fleet.actions.accept"
      disabled={pending}
      onClick={() => void run((provider) => provider.acceptAssignment(assignment.id))}
    >
      <TaskAltIcon />
    </Button>
  );
};

/** Voids an assignment entered by mistake, with the reason the audit log keeps. */
export const VoidAssignmentButton = () => {
  const assignment = useRecordContext<AssignmentDto>();
  const { canAccess } = useCanAccess({ action: 'void', resource: 'assignments' });
  if (!assignment || !canAccess || assignment.voidedAt) {
    return null;
  }
  return (
    <ActionDialog<{ voidReason: string }>
      label="fleet.actions.void"
      icon={<BlockIcon />}
      title="fleet.dialogs.void"
      resource="assignments"
      action={(provider, values) => provider.voidAssignment(assignment.id, values.voidReason.trim())}
    >
      <TextInput source="voidReason" validate={requiredValue} multiline fullWidth />
    </ActionDialog>
  );
};
