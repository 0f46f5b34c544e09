import type { InstallmentDto } from '@fleet/shared/contracts';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLOR: Record<InstallmentDto['status'], 'default' | 'info' | 'error' | 'warning' | 'success'> = {
  upcoming: 'default',
  due: 'info',
  overdue: 'error',
  partly_paid: 'warning',
  paid: 'success',
};

/** An installment's status as a coloured word: overdue in red, paid in green. */
export const InstallmentStatusField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<InstallmentDto>();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLOR[record.status]}
      label={translate(`fleet.installment_status.${record.status}`)}
    />
  );
};
