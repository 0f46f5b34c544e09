import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';

import type { ConsoleIdentity } from '../providers/authProvider';
import { AlertCards } from './AlertCards';
import { UsageDashboardCards } from './UsageDashboardCards';

/** A welcome, and for those who may see them, today's inventory alerts and the month's usage. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { fullName, role } = (identity ?? {}) as Partial<ConsoleIdentity>;
  return (
    <>
      <Card sx={{ mt: 2 }}>
        <Title title="fleet.dashboard.title" />
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('fleet.dashboard.welcome', { name: fullName ?? '' })}
          </Typography>
          {role && (
            <Typography color="text.secondary" gutterBottom>
              {translate(`fleet.roles.${role}`)}
            </Typography>
          )}
          <Typography>{translate('fleet.dashboard.intro')}</Typography>
        </CardContent>
      </Card>
      <AlertCards />
      <UsageDashboardCards />
    </>
  );
};
