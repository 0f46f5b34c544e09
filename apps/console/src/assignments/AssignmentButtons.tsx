import type { AssignmentDto } from '@fleet/shared/contracts';
import BlockIcon from '@mui/icons-material/Block';
import PrintIcon from '@mui/icons-material/Print';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Button, required, TextInput, useCanAccess, useNotify, useRecordContext } from 'react-admin';

import { ActionDialog } from '../common/ActionDialog';
import { errorMessageOf, useApiAction } from '../common/apiAction';
import { dataProvider } from '../providers/dataProvider';

const requiredValue = required();

/** Opens the assignment's printable receipt (Chinese, for the officer to sign) in a new tab. */
export const ReceiptButton = () => {
  const assignment = useRecordContext<AssignmentDto>();
  const notify = useNotify();
  if (!assignment || assignment.voidedAt) {
    return null;
  }
  const open = async () => {
    try {
      await dataProvider.openAssignmentReceipt(assignment.id);
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    }
  };
  return (
    <Button label="fleet.actions.receipt" onClick={() => void open()}>
      <PrintIcon />
    </Button>
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
