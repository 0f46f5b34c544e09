import { addDays } from '@fleet/domain/inventory';
import type { FleetSummaryDto, OpenRepairsByAgeDto } from '@fleet/shared/contracts';
import {
  Box,
  Card,
  CardContent,
  Grid,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useCanAccess, useTranslate } from 'react-admin';

import { listLink } from '../common/listLink';
import { dataProvider } from '../providers/dataProvider';

const DashboardCard = ({
  title,
  total,
  children,
}: {
  title: string;
  total?: number;
  children: ReactNode;
}) => (
  <Card sx={{ height: '100%' }}>
    <CardContent>
      <Stack direction="row" justifyContent="space-between" alignItems="baseline">
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {total !== undefined && (
          <Typography variant="h5" component="p">
            {total}
          </Typography>
        )}
      </Stack>
      {children}
    </CardContent>
  </Card>
);

/** Counts by status, each a link to the list filtered to that status. */
const StatusRows = ({
  rows,
  resource,
  labels,
}: {
  rows: { status: string; count: number }[];
  resource: string;
  labels: string;
}) => {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.status}>
            <TableCell>
              <Link to={listLink(resource, { status: row.status })}>
                {translate(`${labels}.${row.status}`)}
              </Link>
            </TableCell>
            <TableCell align="right">{row.count}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);

/** Devices and SIMs by status, and warranty and lease ends ahead (admins, auditors). */
export const FleetCards = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'devices' });
  const { canAccess: canUsage } = useCanAccess({ action: 'list', resource: 'usage-dashboard' });
  const { data } = useQuery({
    queryKey: ['dashboard-fleet'],
    queryFn: () => dataProvider.getFleetSummary(),
    enabled: canAccess === true && canUsage === true,
  });
  if (!data) {
    return null;
  }
  return (
    <>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <DashboardCard title={translate('fleet.dashboard.devices')} total={sum(data.devices)}>
          <StatusRows rows={data.devices} resource="devices" labels="fleet.device_status" />
        </DashboardCard>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <DashboardCard title={translate('fleet.dashboard.sims')} total={sum(data.sims)}>
          <StatusRows rows={data.sims} resource="sim-cards" labels="fleet.sim_status" />
        </DashboardCard>
      </Grid>
      <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
        <EndingCard fleet={data} />
      </Grid>
    </>
  );
};

/** Warranty and lease ends within 7, 30 and 90 days: warranties lead to the devices list, leases to 租期届满. */
const EndingCard = ({ fleet }: { fleet: FleetSummaryDto }) => {
  const translate = useTranslate();
  return (
    <DashboardCard title={translate('fleet.dashboard.ending')}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell align="right">{translate('fleet.dashboard.warranty')}</TableCell>
            <TableCell align="right">{translate('fleet.dashboard.lease')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fleet.endingWithin.map((row) => (
            <TableRow key={row.days}>
              <TableCell>{translate('fleet.dashboard.within_days', { days: row.days })}</TableCell>
              <TableCell align="right">
                <Link
                  to={listLink('devices', {
                    warrantyEndOn_gte: fleet.asOf,
                    warrantyEndOn_lte: addDays(fleet.asOf, row.days),
                  })}
                >
                  {row.warranty}
                </Link>
              </TableCell>
              <TableCell align="right">
                <Link to="/lease-end">{row.lease}</Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DashboardCard>
  );
};

/** Open repair tickets by days since reported, and by status (each status a link to its tickets). */
export const OpenRepairsCard = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'repair-tickets' });
  const { data } = useQuery({
    queryKey: ['dashboard-repairs'],
    queryFn: () => dataProvider.getOpenRepairs(),
    enabled: canAccess === true,
  });
  if (!data) {
    return null;
  }
  return (
    <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
      <DashboardCard title={translate('fleet.dashboard.repairs_open')} total={sum(data.byStatus)}>
        <AgeBars buckets={data.buckets} />
        <Box sx={{ mt: 1 }}>
          <StatusRows
            rows={data.byStatus.filter((row) => row.count > 0)}
            resource="repair-tickets"
            labels="fleet.repair_status"
          />
        </Box>
      </DashboardCard>
    </Grid>
  );
};

const AgeBars = ({ buckets }: { buckets: OpenRepairsByAgeDto['buckets'] }) => {
  const translate = useTranslate();
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <Stack spacing={0.5} aria-label={translate('fleet.dashboard.repairs_age')}>
      {buckets.map((bucket) => (
        <Stack key={bucket.fromDays} direction="row" spacing={1} alignItems="center">
          <Typography variant="body2" sx={{ width: 88, flexShrink: 0 }}>
            {bucket.toDays === null
              ? translate('fleet.dashboard.age_over', { days: bucket.fromDays })
              : translate('fleet.dashboard.age_range', { from: bucket.fromDays, to: bucket.toDays })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={(bucket.count / max) * 100}
            color={bucket.fromDays >= 14 ? 'error' : 'primary'}
            sx={{ flexGrow: 1, height: 8, borderRadius: 1, bgcolor: 'action.hover' }}
          />
          <Typography variant="body2" sx={{ width: 24, textAlign: 'right' }}>
            {bucket.count}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};
