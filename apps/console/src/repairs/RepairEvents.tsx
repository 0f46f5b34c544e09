import { chinaMoment } from '@fleet/shared/contracts';
import type { RepairEventDto } from '@fleet/shared/contracts';
import { Alert, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, useTranslate } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import { repairApi } from './repairApi';

/** The ticket's status history, newest first: who moved it, when, and their note. */
export const RepairEvents = ({ ticketId, updatedAt }: { ticketId: number; updatedAt: string }) => {
  const translate = useTranslate();
  // The ticket's updatedAt in the key: an action on the page reloads the history with the ticket.
  const { data, error, isPending } = useQuery({
    queryKey: ['repair-tickets', ticketId, 'events', updatedAt],
    queryFn: () => repairApi.events(ticketId),
  });
  const title = translate('fleet.repairs.events');
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {isPending && <Loading />}
      {error && <Alert severity="error">{translate(errorMessageOf(error))}</Alert>}
      {data?.length === 0 && (
        <Typography color="text.secondary">{translate('fleet.repairs.events_empty')}</Typography>
      )}
      {data && data.length > 0 && (
        <List dense aria-label={title}>
          {newestFirst(data).map((event) => (
            <EventItem key={event.id} event={event} />
          ))}
        </List>
      )}
    </Stack>
  );
};

function newestFirst(events: RepairEventDto[]): RepairEventDto[] {
  return [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
}

const EventItem = ({ event }: { event: RepairEventDto }) => {
  const translate = useTranslate();
  const status = (value: string) => translate(`fleet.repair_status.${value}`);
  const details = [
    chinaMoment(event.at),
    event.note,
    event.username ? translate('fleet.repairs.event_by', { name: event.username }) : null,
  ].filter(Boolean);
  return (
    <ListItem divider>
      <ListItemText
        primary={
          event.fromStatus
            ? `${status(event.fromStatus)} → ${status(event.toStatus)}`
            : status(event.toStatus)
        }
        secondary={details.join(' · ')}
      />
    </ListItem>
  );
};
