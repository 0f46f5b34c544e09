import type { AssignmentDto } from '@fleet/shared/contracts';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { lazy } from 'react';

// A list only: assignments are made and ended from the device's page; here they are reviewed and voided.
export default {
  list: lazy(() => import('./AssignmentList')),
  icon: AssignmentIndIcon,
  recordRepresentation: (assignment: AssignmentDto) => `#${assignment.id}`,
};
