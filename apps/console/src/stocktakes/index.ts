import type { StocktakeDto } from '@fleet/shared/contracts';
import InventoryIcon from '@mui/icons-material/Inventory';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./StocktakeList')),
  show: lazy(() => import('./StocktakeShow')),
  create: lazy(() => import('./StocktakeCreate')),
  icon: InventoryIcon,
  recordRepresentation: (stocktake: StocktakeDto) => `#${stocktake.id}`,
};
