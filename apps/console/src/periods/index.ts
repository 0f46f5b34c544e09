import type { PeriodDto } from '@fleet/shared/contracts';
import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PeriodList')),
  show: lazy(() => import('./PeriodShow')),
  icon: EventNoteIcon,
  recordRepresentation: (period: PeriodDto) => period.period,
};
