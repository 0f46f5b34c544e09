import { CalendarDateField } from '../common/CalendarDateField';
import { alertThreshold, chinaDateOf, daysBetween } from '@fleet/domain/inventory';
import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** The warranty's last day, flagged when it is within 90 days (the alerts' widest threshold) or past. */
export const WarrantyEndField = (props: FieldProps) => {
  const translate = useTranslate();
  const record = useRecordContext<{ warrantyEndOn?: string | null }>(props);
  const end = record?.warrantyEndOn;
  if (!end) {
    return null;
  }
  const today = chinaDateOf(new Date());
  const daysLeft = daysBetween(today, end);
  return (
    <Stack direction="row" spacing={1} alignItems="center" component="span">
      <CalendarDateField source="warrantyEndOn" />
      {daysLeft < 0 && <Chip size="small" color="error" label={translate('fleet.device.warranty_ended')} />}
      {alertThreshold(today, end) !== null && (
        <Chip
          size="small"
          color="warning"
          label={translate('fleet.device.warranty_days_left', { days: daysLeft })}
        />
      )}
    </Stack>
  );
};
