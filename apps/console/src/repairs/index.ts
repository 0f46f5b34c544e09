import type { RepairTicketDto } from '@fleet/shared/contracts';
import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import { lazy } from 'react';

// Tickets are taken in on the intake page (/repair-intake); here they are listed and worked through.
export default {
  list: lazy(() => import('./RepairTicketList')),
  show: lazy(() => import('./RepairTicketShow')),
  edit: lazy(() => import('./RepairTicketEdit')),
  icon: BuildCircleIcon,
  recordRepresentation: (ticket: RepairTicketDto) => ticket.ticketNo,
};
