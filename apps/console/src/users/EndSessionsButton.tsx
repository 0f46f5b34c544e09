import LogoutIcon from '@mui/icons-material/Logout';
import type { UserDto } from '@fleet/shared/contracts';
import { Button, useCanAccess, useNotify, useRecordContext } from 'react-admin';

import { postApi } from '../providers/http';

/** The security administrator's "sign this account out everywhere" (POST /api/users/:id/sessions/end). */
export const EndSessionsButton = () => {
  const record = useRecordContext<UserDto>();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'users' });
  if (!record || !canAccess) {
    return null;
  }
  const end = async () => {
    try {
      const { sessionsEnded } = await postApi<{ sessionsEnded: number }>(`/users/${record.id}/sessions/end`);
      notify('fleet.account.sessions_ended', { type: 'success', messageArgs: { count: sessionsEnded } });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
  return <Button label="fleet.account.end_sessions" onClick={() => void end()} startIcon={<LogoutIcon />} />;
};
