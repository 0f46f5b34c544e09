import type { PeriodDto } from '@fleet/shared/contracts';
import DownloadIcon from '@mui/icons-material/Download';
import LockIcon from '@mui/icons-material/Lock';
import { useState } from 'react';
import {
  Button,
  Confirm,
  TextInput,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  type Validator,
} from 'react-admin';

import { ActionDialog } from '../common/ActionDialog';
import { errorMessageOf, useApiAction } from '../common/apiAction';
import { dataProvider } from '../providers/dataProvider';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const periodFormat: Validator = (value: string | undefined) =>
  value && !PERIOD.test(value) ? 'fleet.periods.period_format' : undefined;
const periodValidators = [required(), periodFormat];

/** The month before today's (UTC+8): the one usually closed. */
function previousMonth(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const first = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

/** Closes any month, typed in: the dialog is the confirmation (a month without a record yet is not listed). */
export const ClosePeriodDialog = () => {
  const { canAccess } = useCanAccess({ action: 'close', resource: 'periods' });
  if (!canAccess) {
    return null;
  }
  return (
    <ActionDialog<{ period: string }>
      label="fleet.periods.close"
      icon={<LockIcon />}
      title="fleet.periods.close_title"
      resource="periods"
      defaultValues={{ period: previousMonth() }}
      action={(provider, values) => provider.closePeriod(values.period)}
    >
      <TextInput
        source="period"
        validate={periodValidators}
        helperText="fleet.periods.close_hint"
        fullWidth
      />
    </ActionDialog>
  );
};

/** Closes the month on screen again, after asking: a changed month then gets amended statements. */
export const ClosePeriodButton = () => {
  const period = useRecordContext<PeriodDto>();
  const { canAccess } = useCanAccess({ action: 'close', resource: 'periods' });
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  if (!period || !canAccess) {
    return null;
  }
  return (
    <>
      <Button label="fleet.periods.close" onClick={() => setOpen(true)} disabled={pending}>
        <LockIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="fleet.periods.close_title"
        content="fleet.periods.close_again"
        translateOptions={{ period: period.period }}
        onConfirm={() => {
          setOpen(false);
          void run((provider) => provider.closePeriod(period.period));
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** The month's statements as one workbook for finance. */
export const StatementsWorkbookButton = () => {
  const period = useRecordContext<PeriodDto>();
  const notify = useNotify();
  if (!period) {
    return null;
  }
  const download = async () => {
    try {
      await dataProvider.downloadStatementsWorkbook(period.period);
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    }
  };
  return (
    <Button
      label="fleet.periods.workbook"
      onClick={(event) => {
        event.stopPropagation();
        void download();
      }}
    >
      <DownloadIcon />
    </Button>
  );
};
