import { chinaDateOf } from '@fleet/domain/inventory';
import { isOpenRepairStatus, repairLiability, type RepairCause } from '@fleet/domain/repairs';
import type {
  RepairApprovalRequest,
  RepairDiagnoseRequest,
  RepairCancelRequest,
  RepairLiabilityOverrideRequest,
  RepairLoanerRequest,
  RepairLoanerReturnRequest,
  RepairReturnRequest,
  RepairSendRequest,
  RepairTicketDto,
} from '@fleet/shared/contracts';
import { Alert } from '@mui/material';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import BlockIcon from '@mui/icons-material/Block';
import BuildIcon from '@mui/icons-material/Build';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import GavelIcon from '@mui/icons-material/Gavel';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import PhonelinkIcon from '@mui/icons-material/Phonelink';
import PhonelinkOffIcon from '@mui/icons-material/PhonelinkOff';
import {
  EditButton,
  BooleanInput,
  FormDataConsumer,
  required,
  SelectInput,
  TextInput,
  minLength,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  useLocale,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeInput } from '../common/DateTextInputs';

import { ActionDialog } from '../common/ActionDialog';
import { withoutEmpty } from '../common/apiAction';
import { PrintButtons } from '../common/PrintButtons';
import { DeviceReferenceInput, OfficerReferenceInput } from '../common/ReferenceInputs';
import { repairApi } from './repairApi';
import {
  LIABLE_PARTY_CHOICES,
  nextStatusesOf,
  REPAIR_CAUSE_CHOICES,
  RETURN_OUTCOME_CHOICES,
} from './repairChoices';
import { YuanInput } from './YuanInput';

const requiredValue = required();
// The API wants a written reason of at least 4 characters for an override.
const overrideReason = [requiredValue, minLength(4)];
const RESOURCE = 'repair-tickets';
const IN_STOCK = { status: 'in_stock' };

/** The ticket page's toolbar: the steps its status allows, to the roles that may take them. */
export const RepairTicketActions = () => {
  const ticket = useRecordContext<RepairTicketDto>();
  const { canAccess: canWork } = useCanAccess({ action: 'edit', resource: RESOURCE });
  const { canAccess: canOverride } = useCanAccess({ action: 'override_liability', resource: RESOURCE });
  const { canAccess: canApprove } = useCanAccess({ action: 'approve_charge', resource: RESOURCE });
  const { identity } = useGetIdentity();
  if (!ticket) {
    return null;
  }
  // The flow (libs/domain/repairs) decides which steps the ticket's status allows.
  const next = nextStatusesOf(ticket);
  const open = isOpenRepairStatus(ticket.status);
  const canReturn = next.some(
    (status) => status === 'returned' || status === 'replaced' || status === 'beyond_repair',
  );
  const loanerOut = ticket.loanerDeviceId !== null && ticket.loanerBackAt === null;
  // Four eyes (issue 12 item 9): a waiting charge is approved or rejected by another admin than the one
  // who asked (the API also refuses the admin who closed the ticket at that cost).
  const canReview =
    canApprove &&
    ticket.approvalStatus === 'pending' &&
    identity !== undefined &&
    identity.id !== ticket.approvalRequestedByUserId;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <ReceiptButton ticketId={ticket.id} />
      {canWork && open && <EditButton />}
      {canWork && next.includes('diagnosed') && <DiagnoseButton ticket={ticket} />}
      {canOverride && open && ticket.liability !== null && <LiabilityButton ticket={ticket} />}
      {canReview && <ApproveButton ticket={ticket} />}
      {canReview && <RejectButton ticket={ticket} />}
      {canWork && next.includes('sent_out') && <SendButton ticket={ticket} />}
      {canWork && canReturn && <ReturnButton ticket={ticket} />}
      {canWork && next.includes('closed') && <CloseButton ticket={ticket} />}
      {canWork && open && !loanerOut && <LendLoanerButton ticketId={ticket.id} />}
      {canWork && loanerOut && <TakeLoanerBackButton ticketId={ticket.id} />}
      {canWork && next.includes('cancelled') && <CancelButton ticket={ticket} />}
    </TopToolbar>
  );
};

interface TicketProps {
  ticket: RepairTicketDto;
}

/** 维修接收单: the A4 page to print, or its PDF, like the 领用签收单. */
export const ReceiptButton = ({ ticketId }: { ticketId: number }) => (
  <PrintButtons
    path={repairApi.receiptPath(ticketId)}
    label="fleet.repairs.receipt"
    fileName={`repair-receipt-${ticketId}`}
  />
);

/** What the rule makes of the chosen cause, before it is saved: the party and its reason. */
const LiabilityPreview = ({ ticket, cause }: { ticket: RepairTicketDto; cause?: RepairCause }) => {
  const translate = useTranslate();
  const language = useLocale().startsWith('zh') ? 'zh' : 'en';
  if (!cause) {
    return null;
  }
  const liability = repairLiability({
    cause,
    reportedOn: chinaDateOf(new Date(ticket.reportedAt)),
    warrantyEndOn: ticket.warrantyEndOn,
    holderOfficerId: ticket.holderOfficerId,
  });
  return (
    <Alert severity="info" sx={{ mt: 1 }}>
      {translate('fleet.repairs.liability_preview', {
        party: translate(`fleet.liable_party.${liability.party}`),
      })}
      {' — '}
      {liability.reason[language]}
    </Alert>
  );
};

const DiagnoseButton = ({ ticket }: TicketProps) => (
  <ActionDialog<RepairDiagnoseRequest>
    label="fleet.repairs.diagnose"
    icon={<BuildIcon />}
    title="fleet.repairs.diagnose_title"
    resource={RESOURCE}
    defaultValues={{
      cause: ticket.cause ?? undefined,
      diagnosis: ticket.diagnosis ?? undefined,
      quoteFen: ticket.quoteFen ?? undefined,
    }}
    action={(_, values) => repairApi.diagnose(ticket.id, withoutEmpty(values) as RepairDiagnoseRequest)}
  >
    <SelectInput source="cause" choices={REPAIR_CAUSE_CHOICES} validate={requiredValue} fullWidth />
    <FormDataConsumer<{ cause?: RepairCause }>>
      {({ formData }) => <LiabilityPreview ticket={ticket} cause={formData.cause} />}
    </FormDataConsumer>
    <TextInput source="diagnosis" validate={requiredValue} multiline fullWidth />
    <YuanInput source="quoteFen" fullWidth />
    <DateTimeInput source="damagedAt" />
  </ActionDialog>
);

const LiabilityButton = ({ ticket }: TicketProps) => (
  <ActionDialog<RepairLiabilityOverrideRequest>
    label="fleet.repairs.override"
    icon={<GavelIcon />}
    title="fleet.repairs.override_title"
    resource={RESOURCE}
    defaultValues={{
      liability: ticket.liability ?? undefined,
      liableOfficerId: ticket.liableOfficerId ?? ticket.holderOfficerId ?? undefined,
    }}
    action={(_, { liability, liableOfficerId, reason }) =>
      repairApi.overrideLiability(ticket.id, {
        liability,
        reason: reason.trim(),
        // An officer is named only when an officer pays.
        ...(liability === 'officer' ? { liableOfficerId } : {}),
      })
    }
  >
    <SelectInput source="liability" choices={LIABLE_PARTY_CHOICES} validate={requiredValue} fullWidth />
    <FormDataConsumer<{ liability?: string }>>
      {({ formData }) =>
        formData.liability === 'officer' ? (
          <OfficerReferenceInput source="liableOfficerId" validate={requiredValue} />
        ) : null
      }
    </FormDataConsumer>
    <TextInput source="reason" validate={overrideReason} multiline fullWidth />
  </ActionDialog>
);

const ApproveButton = ({ ticket }: TicketProps) => (
  <ActionDialog<RepairApprovalRequest>
    label="fleet.repairs.approve"
    icon={<CheckCircleIcon />}
    title="fleet.repairs.approve_title"
    resource={RESOURCE}
    action={(_, { reason }) => repairApi.approve(ticket.id, reason?.trim() ? { reason: reason.trim() } : {})}
  >
    <TextInput source="reason" multiline fullWidth />
  </ActionDialog>
);

const RejectButton = ({ ticket }: TicketProps) => (
  <ActionDialog<RepairApprovalRequest>
    label="fleet.repairs.reject"
    icon={<CancelIcon />}
    title="fleet.repairs.reject_title"
    resource={RESOURCE}
    action={(_, { reason }) => repairApi.reject(ticket.id, { reason: (reason ?? '').trim() })}
  >
    <TextInput source="reason" validate={requiredValue} multiline fullWidth />
  </ActionDialog>
);

const SendButton = ({ ticket }: TicketProps) => (
  <ActionDialog<RepairSendRequest>
    label="fleet.repairs.send"
    icon={<LocalShippingIcon />}
    title="fleet.repairs.send_title"
    resource={RESOURCE}
    action={(_, values) =>
      repairApi.send(ticket.id, { vendor: values.vendor.trim(), trackingNote: values.trackingNote.trim() })
    }
  >
    <TextInput source="vendor" validate={requiredValue} fullWidth />
    <TextInput source="trackingNote" validate={requiredValue} multiline fullWidth />
  </ActionDialog>
);

const ReturnButton = ({ ticket }: TicketProps) => (
  <ActionDialog<RepairReturnRequest>
    label="fleet.repairs.return"
    icon={<AssignmentReturnIcon />}
    title="fleet.repairs.return_title"
    resource={RESOURCE}
    defaultValues={{ outcome: 'returned', finalCostFen: ticket.quoteFen ?? undefined }}
    action={(_, values) => {
      const params = withoutEmpty(values) as RepairReturnRequest;
      if (params.outcome !== 'replaced') {
        delete params.replacementDeviceId;
      }
      return repairApi.returnBack(ticket.id, params);
    }}
  >
    <SelectInput
      source="outcome"
      choices={RETURN_OUTCOME_CHOICES.filter((choice) => nextStatusesOf(ticket).some((s) => s === choice.id))}
      validate={requiredValue}
      fullWidth
    />
    <YuanInput source="finalCostFen" fullWidth />
    <FormDataConsumer<{ outcome?: string }>>
      {({ formData }) =>
        formData.outcome === 'replaced' ? (
          <DeviceReferenceInput source="replacementDeviceId" validate={requiredValue} filter={IN_STOCK} />
        ) : null
      }
    </FormDataConsumer>
    <TextInput source="note" multiline fullWidth />
  </ActionDialog>
);

const CloseButton = ({ ticket }: TicketProps) => (
  <ActionDialog<{ finalCostFen?: number | null }>
    label="fleet.repairs.close"
    icon={<DoneAllIcon />}
    title="fleet.repairs.close_title"
    resource={RESOURCE}
    defaultValues={{ finalCostFen: ticket.costFen ?? ticket.quoteFen ?? undefined }}
    action={(_, { finalCostFen }) =>
      repairApi.close(ticket.id, typeof finalCostFen === 'number' ? { finalCostFen } : {})
    }
  >
    <YuanInput source="finalCostFen" validate={requiredValue} fullWidth />
  </ActionDialog>
);

const CancelButton = ({ ticket }: TicketProps) => (
  <ActionDialog<RepairCancelRequest>
    label="fleet.repairs.cancel"
    icon={<BlockIcon />}
    title="fleet.repairs.cancel_title"
    resource={RESOURCE}
    action={(_, { reason }) => repairApi.cancel(ticket.id, { reason: reason.trim() })}
  >
    <TextInput source="reason" validate={requiredValue} multiline fullWidth />
  </ActionDialog>
);

/** Hands out an in-stock phone while the officer's is away; moving their SIM into it is the usual case. */
export const LendLoanerButton = ({ ticketId, onDone }: { ticketId: number; onDone?: () => void }) => (
  <ActionDialog<RepairLoanerRequest>
    label="fleet.repairs.lend_loaner"
    icon={<PhonelinkIcon />}
    title="fleet.repairs.lend_loaner_title"
    resource={RESOURCE}
    defaultValues={{ moveSim: true }}
    onDone={onDone}
    action={(_, { loanerDeviceId, moveSim }) => repairApi.lendLoaner(ticketId, { loanerDeviceId, moveSim })}
  >
    <DeviceReferenceInput source="loanerDeviceId" validate={requiredValue} filter={IN_STOCK} />
    <BooleanInput source="moveSim" />
  </ActionDialog>
);

const TakeLoanerBackButton = ({ ticketId }: { ticketId: number }) => (
  <ActionDialog<RepairLoanerReturnRequest>
    label="fleet.repairs.take_loaner_back"
    icon={<PhonelinkOffIcon />}
    title="fleet.repairs.take_loaner_back_title"
    resource={RESOURCE}
    defaultValues={{ moveSimBack: true }}
    action={(_, { moveSimBack }) => repairApi.takeLoanerBack(ticketId, { moveSimBack })}
  >
    <BooleanInput source="moveSimBack" />
  </ActionDialog>
);
