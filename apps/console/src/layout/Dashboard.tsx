import { Grid, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useSearchParams } from 'react-router-dom';
import { Title, useCanAccess, useGetIdentity, useTranslate } from 'react-admin';

import type { ConsoleIdentity } from '../providers/authProvider';
import { dataProvider } from '../providers/dataProvider';
import { AlertCards } from './AlertCards';
import { FleetCards, OpenRepairsCard } from './FleetCards';
import { OfficerHome } from './OfficerHome';
import { UsageDashboardCards } from './UsageDashboardCards';

/** Where a role without the bureau's overview lands: the page its work starts from. */
export const LANDING: Partial<Record<ConsoleIdentity['role'], string>> = {
  repair_intake: '/repair-intake',
  auditadmin: '/audit-log',
  secadmin: '/users',
};

/** The console's home: the bureau's overview for admins and auditors, an officer's own page, or a landing. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const role = (identity as ConsoleIdentity | undefined)?.role;
  if (!role) {
    return <Title title="fleet.dashboard.title" />;
  }
  const landing = LANDING[role];
  if (landing) {
    return <Navigate to={landing} replace />;
  }
  return role === 'officer' ? <OfficerHome /> : <Overview />;
};

/** The month on show: `?period=` if picked, otherwise the latest month with data (the API's default). */
const Overview = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [params, setParams] = useSearchParams();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'usage-dashboard' });
  const { data } = useQuery({
    queryKey: ['data-months'],
    queryFn: () => dataProvider.getDataMonths(),
    enabled: canAccess === true,
  });
  const months = data?.months ?? [];
  const period = params.get('period') ?? months[0];
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2 }}>
      <Title title="fleet.dashboard.title" />
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="h5" component="h1">
          {translate('fleet.dashboard.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
        {months.length > 0 && (
          <TextField
            select
            size="small"
            label={translate('fleet.dashboard.month')}
            value={period ?? ''}
            onChange={(event) => setParams({ period: event.target.value }, { replace: true })}
            sx={{ width: 160 }}
            slotProps={{ select: { inputProps: { 'data-testid': 'dashboard-month' } } }}
          >
            {months.map((month) => (
              <MenuItem key={month} value={month}>
                {month}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      <Grid container spacing={2}>
        <FleetCards />
        <OpenRepairsCard />
      </Grid>
      <AlertCards />
      {period && <UsageDashboardCards period={period} />}
    </Stack>
  );
};
