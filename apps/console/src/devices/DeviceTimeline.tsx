import { chinaMoment } from '@fleet/shared/contracts';
import type { TimelineEntryDto } from '@fleet/shared/contracts';
import { Alert, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, RecordContextProvider, ReferenceField, useDataProvider, useTranslate } from 'react-admin';

import { errorMessageOf } from '../common/apiAction';
import type { FleetDataProvider } from '../providers/dataProvider';

/** The device's custody history, newest first: who held it, which SIMs went in and out, losses. */
export const DeviceTimeline = ({ deviceId }: { deviceId: number }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<FleetDataProvider>();
  const { data, error, isPending } = useQuery({
    queryKey: ['devices', 'timeline', deviceId],
    queryFn: () => dataProvider.getDeviceTimeline(deviceId),
  });
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        {translate('fleet.timeline.title')}
      </Typography>
      {isPending && <Loading />}
      {error && <Alert severity="error">{translate(errorMessageOf(error))}</Alert>}
      {data?.length === 0 && (
        <Typography color="text.secondary">{translate('fleet.timeline.empty')}</Typography>
      )}
      {data && data.length > 0 && (
        <List dense aria-label={translate('fleet.timeline.title')}>
          {newestFirst(data).map((entry, index) => (
            <TimelineItem key={`${entry.at}-${entry.kind}-${index}`} entry={entry} />
          ))}
        </List>
      )}
    </Stack>
  );
};

function newestFirst(entries: TimelineEntryDto[]): TimelineEntryDto[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

const TimelineItem = ({ entry }: { entry: TimelineEntryDto }) => {
  const translate = useTranslate();
  const details = [
    chinaMoment(entry.at),
    entry.slot === null ? null : translate('fleet.timeline.slot', { slot: entry.slot }),
    entry.note,
    entry.byUsername ? translate('fleet.timeline.by', { name: entry.byUsername }) : null,
  ].filter(Boolean);
  return (
    <ListItem divider>
      <RecordContextProvider value={entry}>
        <ListItemText
          primary={
            <Stack direction="row" spacing={1} component="span">
              <span>{translate(`fleet.timeline.kinds.${entry.kind}`)}</span>
              {entry.officerId !== null && (
                <ReferenceField source="officerId" reference="officers" link="show" />
              )}
              {entry.simId !== null && <ReferenceField source="simId" reference="sim-cards" link="show" />}
            </Stack>
          }
          secondary={details.join(' · ')}
        />
      </RecordContextProvider>
    </ListItem>
  );
};
