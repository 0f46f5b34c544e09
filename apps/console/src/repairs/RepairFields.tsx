import type { RepairTicketDto } from '@fleet/shared/contracts';
import { Chip, Stack, Typography } from '@mui/material';
import { useGetIdentity, useLocale, useRecordContext, useTranslate } from 'react-admin';

import { statusColor } from './repairChoices';

/** A ticket field reads the ticket in context; `source` and `label` are for the layout's label. */
export interface TicketFieldProps {
  source?: string;
  label?: string;
}

/** The ticket's status as a coloured chip. */
export const RepairStatusField = (_props: TicketFieldProps) => {
  const translate = useTranslate();
  const ticket = useRecordContext<RepairTicketDto>();
  if (!ticket) {
    return null;
  }
  return (
    <Chip
      size="small"
      color={statusColor(ticket.status)}
      label={translate(`fleet.repair_status.${ticket.status}`)}
    />
  );
};

/** In or out of warranty, as the rule found it for this fault. */
export const WarrantyStateChip = ({
  inWarranty,
  size,
}: {
  inWarranty: boolean;
  size?: 'small' | 'medium';
}) => {
  const translate = useTranslate();
  return (
    <Chip
      size={size ?? 'small'}
      color={inWarranty ? 'success' : 'warning'}
      label={translate(inWarranty ? 'fleet.repairs.in_warranty' : 'fleet.repairs.out_of_warranty')}
    />
  );
};

export const InWarrantyField = (_props: TicketFieldProps) => {
  const ticket = useRecordContext<RepairTicketDto>();
  return ticket ? <WarrantyStateChip inWarranty={ticket.inWarranty} /> : null;
};

/** Who pays, why, and whether an administrator changed it. */
export const LiabilityField = (_props: TicketFieldProps) => {
  const translate = useTranslate();
  const english = !useLocale().startsWith('zh');
  const ticket = useRecordContext<RepairTicketDto>();
  if (!ticket?.liability) {
    return <span>—</span>;
  }
  return (
    <Stack spacing={0.5} component="span">
      <Stack direction="row" spacing={1} alignItems="center" component="span">
        <span>{translate(`fleet.liable_party.${ticket.liability}`)}</span>
        {ticket.liabilityOverridden && (
          <Chip
            size="small"
            color="secondary"
            variant="outlined"
            label={translate('fleet.repairs.overridden')}
          />
        )}
      </Stack>
      {ticket.liabilityReason && (
        <Typography variant="body2" color="text.secondary" component="span">
          {(english && ticket.liabilityReasonEn) || ticket.liabilityReason}
        </Typography>
      )}
    </Stack>
  );
};

/** The cause found at diagnosis, in the console's language. */
export const CauseField = (_props: TicketFieldProps) => {
  const translate = useTranslate();
  const ticket = useRecordContext<RepairTicketDto>();
  return <span>{ticket?.cause ? translate(`fleet.repair_cause.${ticket.cause}`) : '—'}</span>;
};

/** 待复核 / 已批准 / 已驳回 with why the charge waits (issue 12 item 9); nothing when none is needed. */
export const ApprovalField = ({ compact }: TicketFieldProps & { compact?: boolean }) => {
  const translate = useTranslate();
  const ticket = useRecordContext<RepairTicketDto>();
  const { identity } = useGetIdentity();
  if (!ticket?.approvalStatus) {
    return <span>—</span>;
  }
  const color =
    ticket.approvalStatus === 'pending'
      ? 'warning'
      : ticket.approvalStatus === 'approved'
        ? 'success'
        : 'error';
  const chip = (
    <Chip size="small" color={color} label={translate(`fleet.repair_approval.${ticket.approvalStatus}`)} />
  );
  if (compact) {
    return chip;
  }
  return (
    <Stack spacing={0.5} component="span">
      <Stack direction="row" spacing={1} alignItems="center" component="span">
        {chip}
        <span>
          {ticket.approvalCauses
            .map((cause) => translate(`fleet.repairs.approval_cause_${cause}`))
            .join('；')}
        </span>
      </Stack>
      {ticket.approvalStatus === 'pending' && identity?.id === ticket.approvalRequestedByUserId && (
        <Typography variant="caption" color="text.secondary" component="span">
          {translate('fleet.repairs.approval_own')}
        </Typography>
      )}
    </Stack>
  );
};
