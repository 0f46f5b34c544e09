import { Card, CardContent, Grid, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCanAccess, useTranslate } from 'react-admin';

import { AllowanceTable } from '../my-usage/AllowanceTable';
import { dataProvider } from '../providers/dataProvider';
import { formatYuan } from '../statements/usageFormat';
import { TrendChart } from './TrendChart';

/** The fleet's usage in a month against allowance, the top overages and the trend (admins, auditors). */
export const UsageDashboardCards = ({ period }: { period?: string }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'usage-dashboard' });
  const { data } = useQuery({
    queryKey: ['usage-dashboard', period],
    queryFn: () => dataProvider.getUsageDashboard(period),
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
                      <TableCell>
                        <Link to={`/sim-cards/${row.simId}/show`}>{row.msisdn}</Link>
                      </TableCell>
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
