import type { UsageDashboardDto } from '@fleet/shared/contracts';
import { Card, CardContent, Grid, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useTranslate } from 'react-admin';

import { AllowanceTable } from '../my-usage/AllowanceTable';
import { dataProvider } from '../providers/dataProvider';
import { formatYuan } from '../statements/usageFormat';

const CHART = { width: 600, height: 160, gap: 6, label: 18 };

/** Overage per month as bars (inline SVG, no chart library); a month without figures is an empty slot. */
const TrendChart = ({ trend }: { trend: UsageDashboardDto['trend'] }) => {
  const translate = useTranslate();
  const max = Math.max(1, ...trend.map((month) => month.overageFen ?? 0));
  const slot = CHART.width / Math.max(1, trend.length);
  const plot = CHART.height - CHART.label;
  return (
    <svg
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      width="100%"
      role="img"
      aria-label={translate('fleet.usage_dashboard.trend')}
    >
      {trend.map((month, index) => {
        const height = ((month.overageFen ?? 0) / max) * (plot - 14);
        const x = index * slot + CHART.gap / 2;
        return (
          <g key={month.period}>
            <title>{`${month.period}: ${month.overageFen === null ? '—' : formatYuan(month.overageFen)}`}</title>
            <rect x={x} y={plot - height} width={slot - CHART.gap} height={height} fill="#1976d2" />
            <text x={x + (slot - CHART.gap) / 2} y={CHART.height - 4} fontSize="10" textAnchor="middle">
              {month.period.slice(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

/** The fleet's usage this month against allowance, the top overages and the trend (admins, auditors). */
export const UsageDashboardCards = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'usage-dashboard' });
  const { data } = useQuery({
    queryKey: ['usage-dashboard'],
    queryFn: () => dataProvider.getUsageDashboard(),
    enabled: canAccess === true,
  });
  if (!canAccess || !data) {
    return null;
  }
  return (
    <Grid container spacing={2} sx={{ mt: 0 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('fleet.usage_dashboard.title', { period: data.period })}
            </Typography>
            <AllowanceTable rows={data.categories} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('fleet.usage_dashboard.top')}
            </Typography>
            {data.top.length === 0 ? (
              <Typography color="text.secondary">{translate('fleet.usage_dashboard.no_overage')}</Typography>
            ) : (
              <Table size="small">
                <TableBody>
                  {data.top.map((row) => (
                    <TableRow key={row.simId}>
                      <TableCell>{row.msisdn}</TableCell>
                      <TableCell align="right">{formatYuan(row.amountFen)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={12}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('fleet.usage_dashboard.trend')}
            </Typography>
            <TrendChart trend={data.trend} />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
};
