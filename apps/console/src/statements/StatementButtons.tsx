import type { StatementDto } from '@fleet/shared/contracts';
import CheckIcon from '@mui/icons-material/Check';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';

import { useApiAction } from '../common/apiAction';
import { formatYuan } from './usageFormat';
import { PrintButtons } from '../common/PrintButtons';

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

/** The officer confirms the statement is right: a labeled button, then a confirmation naming the amount. */
export const AcknowledgeStatementButton = ({ statement }: { statement?: StatementDto }) => (
  <StatementDecisionButton statement={statement} decision="acknowledge" />
);

/** The officer disputes the statement, saying why, after seeing the amount in question. */
export const DisputeStatementButton = ({ statement }: { statement?: StatementDto }) => (
  <StatementDecisionButton statement={statement} decision="dispute" />
);

/**
 * Acknowledging or disputing is final for the officer and about money, so it is never one tap on an
 * icon: a button with its label in words (on a phone too), and a dialog that shows the month and the
 * amount in yuan before anything is sent. A dispute needs its reason.
 */
const StatementDecisionButton = ({
  statement,
  decision,
}: {
  statement?: StatementDto;
  decision: 'acknowledge' | 'dispute';
}) => {
  const fromContext = useRecordContext<StatementDto>();
  const record = statement ?? fromContext;
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: decision, resource: 'statements' });
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  if (!record || !canAccess || !isOpen(record)) {
    return null;
  }
  const dispute = decision === 'dispute';
  const close = () => {
    setOpen(false);
    setReasonMissing(false);
  };
  const confirm = async () => {
    if (dispute && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    const outcome = await run((provider) =>
      dispute
        ? provider.disputeStatement(record.id, reason.trim())
        : provider.acknowledgeStatement(record.id),
    );
    if (outcome.ok) close();
  };
  const amount = formatYuan(record.totalFen);
  return (
    <>
      <MuiButton
        size="small"
        variant={dispute ? 'outlined' : 'contained'}
        color={dispute ? 'warning' : 'primary'}
        startIcon={dispute ? <ReportProblemIcon /> : <CheckIcon />}
        disabled={pending}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate(`fleet.statements.${decision}`)}
      </MuiButton>
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="xs"
        onClick={(event) => event.stopPropagation()}
      >
        <DialogTitle>{translate(`fleet.statements.${decision}_title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText component="div">
            <Typography variant="body2">
              {translate('fleet.statements.confirm_period', {
                period: record.period,
                version: record.version,
              })}
            </Typography>
            <Typography
              variant="h4"
              component="p"
              sx={{ my: 1, color: 'text.primary' }}
              data-testid="confirm-amount"
            >
              {amount}
            </Typography>
            <Typography variant="body2">
              {translate(`fleet.statements.${decision}_confirm`, { amount })}
            </Typography>
          </DialogContentText>
          {dispute && (
            <TextField
              autoFocus
              required
              fullWidth
              multiline
              minRows={2}
              margin="normal"
              label={translate('resources.statements.fields.disputeReason')}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonMissing(false);
              }}
              error={reasonMissing}
              helperText={reasonMissing ? translate('ra.validation.required') : undefined}
            />
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('fleet.actions.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            color={dispute ? 'warning' : 'primary'}
            disabled={pending}
            onClick={() => void confirm()}
          >
            {translate(`fleet.statements.${decision}_submit`)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
