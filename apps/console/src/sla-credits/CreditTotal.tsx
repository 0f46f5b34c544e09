import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';

import { yuan } from '../contract-ledger/money';
import type { FleetDataProvider } from '../providers/dataProvider';

/** The month's SLA credits in total, as the bill check shows them: what the carrier's bill should deduct. */
export const CreditTotal = ({ period, version }: { period: string; version?: unknown }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<FleetDataProvider>();
  const { data } = useQuery({
    queryKey: ['sla-credit-total', period, version],
    queryFn: () => dataProvider.getSlaCreditTotal(period),
    enabled: /^\d{4}-\d{2}$/.test(period),
  });
  if (!data) return null;
  return (
    <Alert severity={data.totalFen > 0 ? 'info' : 'success'} sx={{ my: 1 }} aria-label="sla-credit-total">
      {translate('fleet.ledger.credit_total', {
        total: yuan(data.totalFen),
        days: data.days,
        sims: data.sims,
      })}
    </Alert>
  );
};
