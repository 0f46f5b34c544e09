import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Card, CardActionArea, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, Link, useCanAccess, useCreatePath, useTranslate } from 'react-admin';

import { errorMessageOf, useApiAction } from '../common/apiAction';
import { type AlertGroup, groupAlerts } from './alertGroups';

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
            <Grid key={group.key} size={{ xs: 6, sm: 4, md: 3 }}>
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
        sx={{ fontSize: { xs: '1.5rem', sm: '2.125rem' } }}
        color={ids.length > 0 ? `${group.severity}.main` : 'text.secondary'}
      >
        {ids.length}
      </Typography>
      <Typography>{title}</Typography>
    </CardContent>
  );
  return (
    <Card variant="outlined" aria-label={title} sx={{ height: '100%' }}>
      {ids.length > 0 ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};
