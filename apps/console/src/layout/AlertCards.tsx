import type { AlertDto } from '@fleet/shared/contracts';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Card, CardActionArea, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, Link, useCanAccess, useCreatePath, useTranslate } from 'react-admin';

import { errorMessageOf, useApiAction } from '../common/apiAction';

/** One card on the dashboard: alerts of a kind (and for warranties, of a threshold), and where they lead. */
interface AlertGroup {
  key: string;
  title: string;
  titleArgs?: Record<string, number>;
  resource: string;
  alerts: AlertDto[];
  severity: 'error' | 'warning' | 'info';
}

const WARRANTY_THRESHOLDS = [7, 30, 90] as const;

/** Warranties by the tightest threshold crossed (7, 30, 90 days), then the other kinds, each as one card. */
export function groupAlerts(alerts: readonly AlertDto[]): AlertGroup[] {
  const ofKind = (kind: AlertDto['kind']) => alerts.filter((alert) => alert.kind === kind);
  const warranty = ofKind('warranty_ending');
  const warrantyGroups = WARRANTY_THRESHOLDS.map((days, index): AlertGroup => {
    const above = index === 0 ? -1 : WARRANTY_THRESHOLDS[index - 1];
    return {
      key: `warranty_${days}`,
      title: 'fleet.alerts.warranty_ending',
      titleArgs: { days },
      resource: 'devices',
      alerts: warranty.filter((alert) => (alert.daysLeft ?? 0) > above && (alert.daysLeft ?? 0) <= days),
      severity: days === 7 ? 'error' : 'warning',
    };
  });
  return [
    ...warrantyGroups,
    simple('lease_ending', 'devices', 'warning'),
    simple('sim_not_real_name', 'sim-cards', 'warning'),
    simple('sim_not_active', 'sim-cards', 'info'),
    simple('device_lost', 'devices', 'error'),
    // The contract ledger (issue 13): installments due or overdue, and the contract's own deadlines.
    simple('installment_due', 'installments', 'warning'),
    simple('installment_overdue', 'installments', 'error'),
    simple('installment_overdue_60', 'installments', 'error'),
    simple('installment_overdue_90', 'installments', 'error'),
    {
      key: 'contract_deadlines',
      title: 'fleet.alerts.contract_deadlines',
      resource: 'contracts',
      alerts: alerts.filter((a) =>
        ['contract_ending', 'change_notice_deadline', 'termination_notice_deadline'].includes(a.kind),
      ),
      severity: 'warning',
    },
  ];

  function simple(kind: AlertDto['kind'], resource: string, severity: AlertGroup['severity']): AlertGroup {
    return { key: kind, title: `fleet.alerts.${kind}`, resource, alerts: ofKind(kind), severity };
  }
}

/** The alerts of today as cards, each leading to the list of the records it is about. */
export const AlertCards = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'alerts' });
  const { canAccess: canRecompute } = useCanAccess({ action: 'edit', resource: 'devices' });
  const { run, pending, dataProvider } = useApiAction();
  const { data, error } = useQuery({
    queryKey: ['alerts'],
    queryFn: () => dataProvider.getAlerts(),
    enabled: canAccess === true,
  });
  if (!canAccess) {
    return null;
  }
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Stack direction="row" alignItems="center" spacing={2}>
        <Typography variant="h6" component="h2">
          {translate('fleet.alerts.title')}
        </Typography>
        {canRecompute && (
          <Button
            label="fleet.actions.recompute"
            disabled={pending}
            onClick={() => void run((provider) => provider.recomputeAlerts())}
          >
            <RefreshIcon />
          </Button>
        )}
      </Stack>
      {error && (
        <Alert severity="error">
          {translate('fleet.alerts.unavailable', { error: translate(errorMessageOf(error)) })}
        </Alert>
      )}
      {data && (
        <Grid container spacing={2}>
          {groupAlerts(data).map((group) => (
            <Grid key={group.key} size={{ xs: 12, sm: 6, md: 3 }}>
              <AlertCard group={group} />
            </Grid>
          ))}
        </Grid>
      )}
    </Stack>
  );
};

const AlertCard = ({ group }: { group: AlertGroup }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const title = translate(group.title, group.titleArgs);
  const ids = [...new Set(group.alerts.map((alert) => alert.resourceId))];
  // The list filtered to exactly the records alerted about (`filter={"id":[…]}`, api.md).
  const to = `${createPath({ resource: group.resource, type: 'list' })}?${new URLSearchParams({
    filter: JSON.stringify({ id: ids }),
  }).toString()}`;
  const content = (
    <CardContent>
      <Typography
        variant="h4"
        component="p"
        color={ids.length > 0 ? `${group.severity}.main` : 'text.secondary'}
      >
        {ids.length}
      </Typography>
      <Typography>{title}</Typography>
    </CardContent>
  );
  return (
    <Card variant="outlined" aria-label={title}>
      {ids.length > 0 ? (
        <CardActionArea component={Link} to={to}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};
