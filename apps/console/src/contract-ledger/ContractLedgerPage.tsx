import { chinaDateOf } from '@fleet/domain/inventory';
import type { ContractDto, InstallmentDto, PaymentDto } from '@fleet/shared/contracts';
import { Alert, Box, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useQueries } from '@tanstack/react-query';
import { Link, Title, useDataProvider, useGetList, useTranslate } from 'react-admin';

import type { FleetDataProvider } from '../providers/dataProvider';
import { ExposurePanel } from './ExposurePanel';
import { yuan } from './money';
import { PaidChart } from './PaidChart';
import { amountOn, paidAgainstScheduled } from './paidSeries';

const LINKS = ['installments', 'outages', 'sla-credits', 'invoices', 'contracts'] as const;

/**
 * 合同台账: the contract at a glance for the bureau's finance staff — what it costs, what is paid against
 * the schedule, what a late payment risks under both clauses, and where the details are.
 */
const ContractLedgerPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<FleetDataProvider>();
  const today = chinaDateOf(new Date());
  const { data: contracts, isPending } = useGetList<ContractDto>('contracts', {
    sort: { field: 'startsOn', order: 'DESC' },
    pagination: { page: 1, perPage: 1 },
  });
  const contract = contracts?.[0];
  const { data: installments } = useGetList<InstallmentDto>(
    'installments',
    {
      filter: { contractId: contract?.id },
      sort: { field: 'seq', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: Boolean(contract) },
  );
  const payments = useQueries({
    queries: (installments ?? []).map((i) => ({
      queryKey: ['installment-payments', i.id, i.paidFen],
      queryFn: () => dataProvider.getPayments(i.id),
    })),
  });
  const allPayments = payments.flatMap((q) => q.data ?? []);

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="fleet.ledger.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('fleet.ledger.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('fleet.ledger.intro')}
      </Typography>
      {!isPending && !contract && <Alert severity="info">{translate('fleet.ledger.no_contract')}</Alert>}
      {contract && (
        <Stack spacing={2}>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="subtitle1" component="h2">
                {contract.name}
              </Typography>
              <Typography variant="body2">
                {translate('fleet.ledger.parties', { bureau: contract.bureau, carrier: contract.carrier })}
              </Typography>
              <Typography variant="body2">
                {translate('fleet.ledger.term', {
                  from: contract.startsOn,
                  to: contract.endsOn,
                  months: contract.termMonths,
                })}
              </Typography>
              <Typography variant="body2">
                {translate('fleet.ledger.total')} {yuan(contract.totalFen)}（
                {translate('fleet.ledger.monthly', {
                  sims: contract.simCount,
                  fee: yuan(contract.monthlyFeeFen),
                })}
                ）
              </Typography>
              <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
                {LINKS.map((resource) => (
                  <Button key={resource} component={Link} to={`/${resource}`} size="small" variant="outlined">
                    {translate(`resources.${resource}.name`, { smart_count: 2 })}
                  </Button>
                ))}
              </Stack>
            </CardContent>
          </Card>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
              <Card variant="outlined" sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="h6" component="h2" gutterBottom>
                    {translate('fleet.ledger.paid_chart')}
                  </Typography>
                  {installments && (
                    <PaidSection
                      contract={contract}
                      installments={installments}
                      payments={allPayments}
                      today={today}
                    />
                  )}
                </CardContent>
              </Card>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
              <ExposurePanel contract={contract} today={today} />
            </Grid>
          </Grid>
        </Stack>
      )}
    </Box>
  );
};

const PaidSection = ({
  contract,
  installments,
  payments,
  today,
}: {
  contract: ContractDto;
  installments: InstallmentDto[];
  payments: PaymentDto[];
  today: string;
}) => {
  const translate = useTranslate();
  const { scheduled, paid } = paidAgainstScheduled(contract.startsOn, installments, payments);
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="paid-so-far">
        {translate('fleet.ledger.paid_so_far', {
          paid: yuan(amountOn(paid, today)),
          due: yuan(amountOn(scheduled, today)),
        })}
      </Typography>
      <PaidChart
        startsOn={contract.startsOn}
        endsOn={contract.endsOn}
        today={today}
        totalFen={contract.totalFen}
        scheduled={scheduled}
        paid={paid}
      />
    </>
  );
};

export default ContractLedgerPage;
