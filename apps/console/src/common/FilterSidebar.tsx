import { addDays, chinaDateOf } from '@fleet/domain/inventory';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import LabelIcon from '@mui/icons-material/LabelOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { Card, CardContent } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { FilterList, FilterListItem, useGetList, type RaRecord } from 'react-admin';

import type { TranslatedChoice } from './choices';

/**
 * A list's filter sidebar, as in react-admin's demo: one click filters by a status, a unit or the
 * warranty. Hidden on small screens, where the filter bar above the list does the same.
 */
export const FilterSidebar = ({ children }: { children: ReactNode }) => (
  <Card
    sx={{
      order: -1,
      mr: 2,
      mt: 8,
      alignSelf: 'flex-start',
      width: 200,
      flexShrink: 0,
      display: { xs: 'none', md: 'block' },
    }}
  >
    <CardContent sx={{ pt: 1 }}>{children}</CardContent>
  </Card>
);

/** One item a choice: `{ [source]: choice.id }`. */
export const ChoiceFilterList = ({
  source,
  label = 'fleet.sidebar.status',
  icon = <LabelIcon />,
  choices,
}: {
  source: string;
  label?: string;
  icon?: ReactElement;
  choices: readonly TranslatedChoice[];
}) => (
  <FilterList label={label} icon={icon}>
    {choices.map((choice) => (
      <FilterListItem key={choice.id} label={choice.name} value={{ [source]: choice.id }} />
    ))}
  </FilterList>
);

const SIDEBAR_UNITS = 12;

/** The first units by name (a county has a handful; a province filters by the unit box above the list). */
export const UnitFilterList = ({ source = 'unitId' }: { source?: string }) => {
  const { data } = useGetList<RaRecord & { name: string }>('units', {
    pagination: { page: 1, perPage: SIDEBAR_UNITS },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <FilterList label="fleet.sidebar.unit" icon={<AccountTreeIcon />}>
      {(data ?? []).map((unit) => (
        <FilterListItem key={unit.id} label={unit.name} value={{ [source]: unit.id }} />
      ))}
    </FilterList>
  );
};

/** Devices whose warranty has ended, or ends within 90 days (China calendar days). */
export const WarrantyEndFilterList = () => {
  const today = chinaDateOf(new Date());
  return (
    <FilterList label="fleet.sidebar.warranty" icon={<VerifiedIcon />}>
      <FilterListItem
        label="fleet.sidebar.warranty_expired"
        value={{ warrantyEndOn_lte: addDays(today, -1), warrantyEndOn_gte: undefined }}
      />
      <FilterListItem
        label="fleet.sidebar.warranty_90"
        value={{ warrantyEndOn_gte: today, warrantyEndOn_lte: addDays(today, 90) }}
      />
    </FilterList>
  );
};

/** Repair tickets reported within or after the device's warranty. */
export const InWarrantyFilterList = () => (
  <FilterList label="fleet.sidebar.warranty" icon={<VerifiedIcon />}>
    <FilterListItem label="fleet.sidebar.in_warranty" value={{ inWarranty: true }} />
    <FilterListItem label="fleet.sidebar.out_of_warranty" value={{ inWarranty: false }} />
  </FilterList>
);
