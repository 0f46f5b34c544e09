import type { DeviceDto, StatementDto } from '@fleet/shared/contracts';
import { Card, CardActions, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, Title, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

import { dataProvider } from '../providers/dataProvider';
import { formatUsage, formatYuan } from '../statements/usageFormat';

/**
 * An officer's home: the phone they hold, this month's use against allowance at a glance, and their
 * latest statement, each leading to its own page (我的终端, 我的用量, the statement).
 */
export const OfficerHome = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data: devices } = useGetList<DeviceDto>('devices', {
    pagination: { page: 1, perPage: 5 },
    sort: { field: 'id', order: 'ASC' },
  });
  const { data: usage } = useQuery({ queryKey: ['me-usage'], queryFn: () => dataProvider.getMyUsage() });
  const { data: statements } = useGetList<StatementDto>('statements', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'DESC' },
  });
  const latest = statements?.[0];
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2 }}>
      <Title title="fleet.dashboard.title" />
      <Typography variant="h5" component="h1">
        {translate('fleet.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('fleet.my_devices.title')}
              </Typography>
              {devices?.length === 0 && <Typography>{translate('fleet.my_devices.none')}</Typography>}
              {devices?.map((device) => (
                <Typography key={device.id}>
                  {device.model}
                  <br />
                  <Typography component="span" color="text.secondary" variant="body2">
                    IMEI {device.imei1}
                  </Typography>
                </Typography>
              ))}
            </CardContent>
            <CardActions>
              <Button component={RouterLink} to="/my-devices" label="fleet.dashboard.open" />
            </CardActions>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('fleet.my_usage.month', { period: usage?.period ?? '' })}
              </Typography>
              {usage?.sims.length === 0 && <Typography>{translate('fleet.my_usage.no_sims')}</Typography>}
              {usage?.sims.map((sim) => (
                <Stack key={sim.simId} sx={{ mb: 1 }}>
                  <Typography variant="subtitle2">{sim.msisdn}</Typography>
                  {sim.categories.map((c) => (
                    <Typography key={c.category} variant="body2" color={c.over ? 'error' : 'text.primary'}>
                      {translate(`fleet.category.${c.category}`)}:{' '}
                      {formatUsage(c.category, c.used, translate)} /{' '}
                      {formatUsage(c.category, c.allowance, translate)}
                    </Typography>
                  ))}
                </Stack>
              ))}
            </CardContent>
            <CardActions>
              <Button component={RouterLink} to="/my-usage" label="fleet.dashboard.open" />
            </CardActions>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('fleet.dashboard.latest_statement')}
              </Typography>
              {statements && !latest && <Typography>{translate('fleet.my_usage.no_statements')}</Typography>}
              {latest && (
                <>
                  <Typography>{latest.period}</Typography>
                  <Typography variant="h5" component="p">
                    {formatYuan(latest.totalFen)}
                  </Typography>
                  <Typography color="text.secondary">
                    {translate(`fleet.statement_status.${latest.status}`)}
                  </Typography>
                </>
              )}
            </CardContent>
            {latest && (
              <CardActions>
                <Button
                  component={RouterLink}
                  to={`/statements/${latest.id}/show`}
                  label="fleet.dashboard.open"
                />
              </CardActions>
            )}
          </Card>
        </Grid>
      </Grid>
    </Stack>
  );
};
