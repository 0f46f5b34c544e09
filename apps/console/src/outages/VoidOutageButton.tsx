import type { OutageDto } from '@fleet/shared/contracts';
import BlockIcon from '@mui/icons-material/Block';
import { minLength, required, TextInput, useCanAccess, useRecordContext } from 'react-admin';

import { ActionDialog } from '../common/ActionDialog';

/** Voids an outage recorded by mistake, with a reason: it stays on record and waives nothing. */
export const VoidOutageButton = () => {
  const outage = useRecordContext<OutageDto>();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'outages' });
  if (!outage || !canAccess || outage.voidedAt) return null;
  return (
    <ActionDialog<{ reason: string }>
      label="fleet.ledger.void_outage"
      title="fleet.ledger.void_outage_title"
      icon={<BlockIcon />}
      resource="outages"
      action={(provider, values) => provider.voidOutage(outage.id, values.reason)}
    >
      <TextInput source="reason" validate={[required(), minLength(2)]} fullWidth multiline />
    </ActionDialog>
  );
};
