import type { AuditLogDto } from '@fleet/shared/contracts';
import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

// Read only: nobody edits or deletes the audit log, so there is no edit or create view.
export default {
  list: lazy(() => import('./AuditLogList')),
  show: lazy(() => import('./AuditLogShow')),
  icon: HistoryIcon,
  recordRepresentation: (entry: AuditLogDto) => `#${entry.id}`,
};
