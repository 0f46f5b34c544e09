import type { OutageDto } from '@fleet/shared/contracts';
import { Chip, Stack } from '@mui/material';
import { ReferenceArrayField, SingleFieldList, TextField, useRecordContext, useTranslate } from 'react-admin';

/** The SIMs an outage touched: "all SIMs", or their numbers. */
export const OutageSimsField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  const outage = useRecordContext<OutageDto>();
  if (!outage) return null;
  if (outage.scope === 'all') return <Chip size="small" label={translate('fleet.ledger.all_sims')} />;
  return (
    <ReferenceArrayField source="simIds" reference="sim-cards">
      <SingleFieldList linkType="show">
        <TextField source="msisdn" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};

/** The cause as words, and a voided outage said so with its reason. */
export const OutageCauseField = (_props: { source?: string; label?: string }) => {
  const translate = useTranslate();
  const outage = useRecordContext<OutageDto>();
  if (!outage) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Chip
        size="small"
        color={outage.cause === 'carrier' ? 'warning' : 'default'}
        label={translate(`fleet.outage_cause.${outage.cause}`)}
      />
      {outage.voidedAt && (
        <Chip
          size="small"
          variant="outlined"
          label={translate('fleet.ledger.voided', { reason: outage.voidReason })}
        />
      )}
    </Stack>
  );
};
