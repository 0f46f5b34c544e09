import type { ClosePreviewDto, CloseResultDto } from '@fleet/shared/contracts';
import LockIcon from '@mui/icons-material/Lock';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Link, useCanAccess, useTranslate } from 'react-admin';

import { errorMessageOf, useApiAction } from '../common/apiAction';
import { listLink } from '../common/listLink';
import { dataProvider } from '../providers/dataProvider';
import { formatYuan } from '../statements/usageFormat';

/** The month's statements in force: the statements list filtered by the month. */
export const statementsOfPeriod = (period: string) => listLink('statements', { period });

/**
 * Closing a month, in three steps a person can follow: pick a month that has data, read what the close
 * will issue (the API computes it as the close would, writing nothing), confirm; then open the statements.
 * With `period` the month is fixed (a month's own page).
 */
export const ClosePeriodDialog = ({ period: fixed }: { period?: string }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'close', resource: 'periods' });
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string>();
  const [result, setResult] = useState<CloseResultDto>();
  const { run, pending } = useApiAction();
  const months = useQuery({
    queryKey: ['data-months'],
    queryFn: () => dataProvider.getDataMonths(),
    enabled: open && !fixed,
  });
  const period = fixed ?? picked ?? months.data?.months[0];
  const preview = useQuery({
    queryKey: ['close-preview', period],
    queryFn: () => dataProvider.getClosePreview(period!),
    enabled: open && Boolean(period) && !result,
    staleTime: 0,
    gcTime: 0,
  });
  if (!canAccess) {
    return null;
  }
  const close = () => {
    setOpen(false);
    setResult(undefined);
    setPicked(undefined);
  };
  const confirm = async () => {
    const outcome = await run((provider) => provider.closePeriod(period!), null);
    if (outcome.ok) setResult(outcome.value);
  };
  return (
    <>
      <Button label="fleet.periods.close" onClick={() => setOpen(true)}>
        <LockIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('fleet.periods.close_title')}</DialogTitle>
        <DialogContent>
          {result ? (
            <Stack spacing={2} sx={{ mt: 1 }}>
              <Alert severity="success">
                {translate('fleet.periods.closed_result', {
                  period: result.period,
                  count: result.issued.length,
                })}
              </Alert>
              <Link to={statementsOfPeriod(result.period)} onClick={close}>
                {translate('fleet.periods.view_statements')}
              </Link>
            </Stack>
          ) : (
            <Stack spacing={2} sx={{ mt: 1 }}>
              {!fixed && months.data?.months.length === 0 && (
                <Alert severity="info">{translate('fleet.periods.no_months')}</Alert>
              )}
              {!fixed && Boolean(months.data?.months.length) && (
                <TextField
                  select
                  label={translate('fleet.periods.month')}
                  value={period ?? ''}
                  onChange={(event) => setPicked(event.target.value)}
                  fullWidth
                >
                  {months.data!.months.map((month) => (
                    <MenuItem key={month} value={month}>
                      {month}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {fixed && <Typography variant="h6">{fixed}</Typography>}
              {preview.isFetching && <Typography>{translate('fleet.periods.preview_loading')}</Typography>}
              {preview.error && <Alert severity="error">{translate(errorMessageOf(preview.error))}</Alert>}
              {preview.data && !preview.isFetching && <PreviewTable preview={preview.data} />}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate(result ? 'ra.action.close' : 'ra.action.cancel')}</MuiButton>
          {!result && (
            <MuiButton
              variant="contained"
              startIcon={<LockIcon />}
              disabled={pending || !preview.data || preview.isFetching}
              onClick={() => void confirm()}
            >
              {translate('fleet.periods.confirm_close')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};

const PreviewTable = ({ preview }: { preview: ClosePreviewDto }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} aria-label={translate('fleet.periods.preview')}>
      <Typography variant="subtitle1">{translate('fleet.periods.preview')}</Typography>
      {preview.statements === 0 && (
        <Alert severity="info">{translate('fleet.periods.preview_nothing')}</Alert>
      )}
      <Typography>
        {translate('fleet.periods.preview_statements', {
          count: preview.statements,
          amended: preview.amended,
          unchanged: preview.unchanged,
        })}
      </Typography>
      <Typography>{translate('fleet.periods.preview_officers', { count: preview.officers })}</Typography>
      <Table size="small">
        <TableBody>
          <TableRow>
            <TableCell>{translate('fleet.periods.preview_officer_total')}</TableCell>
            <TableCell align="right">{formatYuan(preview.officerTotalFen)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{translate('fleet.periods.preview_bureau_total')}</TableCell>
            <TableCell align="right">{formatYuan(preview.bureauTotalFen)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary">
        {translate('fleet.periods.preview_sims', {
          inPlan: preview.simsInPlan,
          over: preview.simsOver,
          outOfPlan: preview.outOfPlanSims,
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('fleet.periods.preview_version', { version: preview.version })}
      </Typography>
    </Stack>
  );
};
