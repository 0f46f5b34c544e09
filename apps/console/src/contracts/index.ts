import type { ContractDto } from '@fleet/shared/contracts';
import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ContractList')),
  show: lazy(() => import('./ContractShow')),
  edit: lazy(() => import('./ContractEdit')),
  create: lazy(() => import('./ContractCreate')),
  icon: GavelIcon,
  recordRepresentation: (contract: ContractDto) => contract.name,
};
