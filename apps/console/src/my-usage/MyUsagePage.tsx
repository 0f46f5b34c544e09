import type { MyUsageHistoryDto, StatementDto } from '@fleet/shared/contracts';
import {
  Box,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  DataTable,
  ListBase,
  RecordContextProvider,
  ResourceContextProvider,
  Title,
  useListContext,
  useTranslate,
  WithListContext,
  WithRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';

import { STATEMENT_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { dataProvider } from '../providers/dataProvider';
import {
  AcknowledgeStatementButton,
  DisputeStatementButton,
  PrintStatementButton,
} from '../statements/StatementButtons';
import { StatementTable } from '../statements/StatementTable';
import { AllowanceBars } from './AllowanceBars';
import { UsageHistoryChart } from './UsageHistoryChart';

/**
 * An officer's own month against each allowance (bars), the last 12 months (a chart), and their
 * statements, laid out for a phone first. The API answers with the signed-in officer's data only, so
 * the page sends no officer of its own.
 */
const MyUsagePage = () => {
  const translate = useTranslate();
  const { data: history } = useQuery({
    queryKey: ['me-usage-history'],
    queryFn: () => dataProvider.getMyUsageHistory(),
  });
  // The carrier's figures come a month late: the page opens on the latest month that has any, and the
  // officer can pick another (or tap a bar of the chart).
  const [picked, setPicked] = useState<string | null>(null);
  const period = picked ?? (history ? latestWithUsage(history) : undefined);
  const { data: usage } = useQuery({
    queryKey: ['me-usage', period],
    queryFn: () => dataProvider.getMyUsage(period),
    enabled: period !== undefined,
  });
  // This month's allowance over the SIMs in plan: the line the chart's months are measured against.
  const allowances: Record<string, number> = {};
  for (const sim of usage?.sims.filter((s) => s.inPlan) ?? []) {
    for (const c of sim.categories) allowances[c.category] = (allowances[c.category] ?? 0) + c.allowance;
  }
  return (
    <Box sx={{ maxWidth: 960 }}>
      <Title title="fleet.my_usage.title" />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Stack
            direction="row"
            justifyContent="space-between"
            alignItems="center"
            spacing={1}
            sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }}
          >
            <Typography variant="h6" component="h2">
              {usage && history && usage.period === history.period
                ? translate('fleet.my_usage.month', { period: usage.period })
                : translate('fleet.my_usage.month_of', { period: usage?.period ?? '' })}
            </Typography>
            {history && period && (
              <TextField
                select
                size="small"
                label={translate('fleet.my_usage.pick_month')}
                value={period}
                onChange={(event) => setPicked(event.target.value)}
                sx={{ minWidth: 130 }}
              >
                {[...history.months].reverse().map((m) => (
                  <MenuItem key={m.period} value={m.period}>
                    {m.period}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Stack>
          {usage?.sims.length === 0 && <Typography>{translate('fleet.my_usage.no_sims')}</Typography>}
          <Stack spacing={3}>
            {usage?.sims.map((sim) => (
              <div key={sim.simId}>
                <Typography variant="subtitle1" component="h3" gutterBottom>
                  {sim.msisdn}
                  {!sim.inPlan && ` — ${translate('fleet.my_usage.out_of_plan')}`}
                </Typography>
                <AllowanceBars rows={sim.categories} />
              </div>
            ))}
          </Stack>
        </CardContent>
      </Card>
      {history && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('fleet.my_usage.history')}
            </Typography>
            <UsageHistoryChart
              history={history}
              allowances={allowances}
              selected={period}
              onSelect={setPicked}
            />
          </CardContent>
        </Card>
      )}
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('fleet.my_usage.statements')}
          </Typography>
          <ResourceContextProvider value="statements">
            <ListBase perPage={24} sort={{ field: 'id', order: 'DESC' }} disableSyncWithLocation>
              <WithListContext
                render={({ data, isPending }) =>
                  !isPending && data?.length === 0 ? (
                    <Typography>{translate('fleet.my_usage.no_statements')}</Typography>
                  ) : null
                }
              />
              <MyStatements />
            </ListBase>
          </ResourceContextProvider>
        </CardContent>
      </Card>
    </Box>
  );
};

/** The newest month in which the officer's SIMs used anything; the range's last month if none did. */
function latestWithUsage(history: MyUsageHistoryDto): string {
  const used = history.months.filter((m) => m.voiceMin + m.sms + m.nationalKb + m.apnKb > 0);
  return used.at(-1)?.period ?? history.period;
}

const StatementActions = ({ statement }: { statement: StatementDto }) => (
  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
    <AcknowledgeStatementButton statement={statement} />
    <DisputeStatementButton statement={statement} />
    <PrintStatementButton statement={statement} />
  </Stack>
);

/** A table on a wide screen; on a phone one card per statement (react-admin's SimpleList pattern). */
const MyStatements = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return small ? (
    <StatementCards />
  ) : (
    <StatementTable>
      <DataTable.Col>
        <WithRecord<StatementDto> render={(statement) => <StatementActions statement={statement} />} />
      </DataTable.Col>
    </StatementTable>
  );
};

const StatementCards = () => {
  const translate = useTranslate();
  const { data } = useListContext<StatementDto>();
  return (
    <Stack spacing={1.5}>
      {data?.map((statement) => (
        <RecordContextProvider key={statement.id} value={statement}>
          <Box
            data-testid="statement-card"
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
          >
            <Stack direction="row" justifyContent="space-between" alignItems="baseline" spacing={1}>
              <Typography
                component={Link}
                to={`/statements/${statement.id}/show`}
                variant="subtitle1"
                sx={{ fontWeight: 600, color: 'primary.main' }}
              >
                {statement.period} · v{statement.version}
              </Typography>
              <MoneyField source="totalFen" sx={{ fontSize: '1.1rem', fontWeight: 600 }} />
            </Stack>
            <Stack direction="row" spacing={1} alignItems="center" sx={{ my: 1, flexWrap: 'wrap' }}>
              <Chip
                size="small"
                label={translate(
                  STATEMENT_STATUS_CHOICES.find((c) => c.id === statement.status)?.name ?? statement.status,
                )}
              />
              <Typography variant="body2" color="text.secondary" component="span">
                <DateTimeField source="issuedAt" />
              </Typography>
            </Stack>
            <StatementActions statement={statement} />
          </Box>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

export default MyUsagePage;
