import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  Popover,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto } from '@fleet/shared/contracts';
import { useState } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { fetchApiJson, postApi } from '../providers/http';

/** How often the unread count is asked for while the console is open (also on every navigation). */
const POLL_MS = 60_000;
/** The latest notifications the popover shows. */
const LATEST = 10;

const UNREAD_KEY = ['notifications', 'unread-count'];
const LATEST_KEY = ['notifications', 'latest'];

/**
 * The bell in the app bar: the caller's unread notifications as a badge, and a popover with the latest
 * ones; opening one marks it read and goes to its page. Every role has one (its own notifications).
 */
export const NotificationBell = () => {
  const translate = useTranslate();
  const english = !useLocale().startsWith('zh');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data: unread } = useQuery({
    // The path in the key: a navigation asks again.
    queryKey: [...UNREAD_KEY, pathname],
    queryFn: () => fetchApiJson<{ count: number }>('/notifications/unread-count'),
    refetchInterval: POLL_MS,
    staleTime: 5_000,
  });
  const { data: latest } = useQuery({
    queryKey: LATEST_KEY,
    queryFn: () =>
      fetchApiJson<NotificationDto[]>(`/notifications?range=${encodeURIComponent(`[0,${LATEST - 1}]`)}`),
    enabled: anchor !== null,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const count = unread?.count ?? 0;

  const open = async (notification: NotificationDto) => {
    setAnchor(null);
    if (!notification.readAt) await postApi(`/notifications/${notification.id}/read`);
    await refresh();
    if (notification.link) navigate(notification.link);
  };
  const readAll = async () => {
    await postApi('/notifications/read-all');
    await refresh();
  };
  const when = (iso: string) =>
    new Date(iso).toLocaleString(english ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'short' });

  return (
    <>
      <Tooltip title={translate('fleet.bell.title')}>
        <IconButton
          color="inherit"
          aria-label={translate('fleet.bell.unread', { smart_count: count })}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={count} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 360, maxWidth: 'calc(100vw - 16px)' } } }}
      >
        <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ px: 2, py: 1 }}>
          <Typography variant="subtitle1">{translate('fleet.bell.title')}</Typography>
          <Button size="small" disabled={count === 0} onClick={() => void readAll()}>
            {translate('fleet.bell.read_all')}
          </Button>
        </Stack>
        <Divider />
        {latest && latest.length === 0 && (
          <Box sx={{ px: 2, py: 3 }}>
            <Typography color="text.secondary">{translate('fleet.bell.empty')}</Typography>
          </Box>
        )}
        <List dense disablePadding>
          {latest?.map((notification) => (
            <ListItemButton
              key={notification.id}
              onClick={() => void open(notification)}
              sx={{ alignItems: 'flex-start', bgcolor: notification.readAt ? undefined : 'action.hover' }}
            >
              <ListItemText
                primary={english ? notification.title.en : notification.title.zh}
                secondary={when(notification.createdAt)}
                slotProps={{
                  primary: { sx: { fontWeight: notification.readAt ? 'normal' : 'bold' } },
                }}
              />
            </ListItemButton>
          ))}
        </List>
      </Popover>
    </>
  );
};
