import { chinaMoment } from '@fleet/shared/contracts';
import type { RepairTicketDto } from '@fleet/shared/contracts';
import { useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, SelectInput, SimpleList, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { formatYuan } from '../statements/usageFormat';
import { ApprovalField, CauseField, LiabilityField, RepairStatusField } from './RepairFields';
import {
  LIABLE_PARTY_CHOICES,
  REPAIR_APPROVAL_CHOICES,
  REPAIR_CAUSE_CHOICES,
  REPAIR_STATUS_CHOICES,
} from './repairChoices';
import { BulkActions } from '../common/BulkActions';
import {
  ChoiceFilterList,
  FilterSidebar,
  InWarrantyFilterList,
  UnitFilterList,
} from '../common/FilterSidebar';

const repairFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={REPAIR_STATUS_CHOICES} />,
  <SelectInput key="cause" source="cause" choices={REPAIR_CAUSE_CHOICES} alwaysOn />,
  <SelectInput key="liability" source="liability" choices={LIABLE_PARTY_CHOICES} alwaysOn />,
  <SelectInput key="approvalStatus" source="approvalStatus" choices={REPAIR_APPROVAL_CHOICES} alwaysOn />,
];

/** Repair tickets, newest first; a phone gets one line per ticket instead of the table. */
const RepairTicketList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List
      filters={repairFilters}
      sort={{ field: 'reportedAt', order: 'DESC' }}
      perPage={DEFAULT_PER_PAGE}
      pagination={<ListPagination />}
      actions={<ListActions />}
      aside={
        <FilterSidebar>
          <ChoiceFilterList source="status" choices={REPAIR_STATUS_CHOICES} />
          <UnitFilterList />
          <InWarrantyFilterList />
        </FilterSidebar>
      }
    >
      {small ? <RepairSimpleList /> : <RepairTable />}
    </List>
  );
};

const RepairTable = () => (
  <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
    <DataTable.Col source="ticketNo" />
    <DataTable.Col source="imei" />
    <DataTable.Col source="status">
      <RepairStatusField />
    </DataTable.Col>
    <DataTable.Col source="cause">
      <CauseField />
    </DataTable.Col>
    <DataTable.Col source="liability">
      <LiabilityField />
    </DataTable.Col>
    <DataTable.Col source="costFen">
      <MoneyField source="costFen" emptyText="—" />
    </DataTable.Col>
    <DataTable.Col source="approvalStatus">
      <ApprovalField compact />
    </DataTable.Col>
    <DataTable.Col source="reportedAt">
      <DateTimeField source="reportedAt" />
    </DataTable.Col>
  </DataTable>
);

export const RepairSimpleList = ({ linkType = 'show' }: { linkType?: 'show' | false }) => {
  const translate = useTranslate();
  return (
    <SimpleList<RepairTicketDto>
      linkType={linkType}
      primaryText={(ticket) => `${ticket.ticketNo} · ${translate(`fleet.repair_status.${ticket.status}`)}`}
      secondaryText={(ticket) => [ticket.imei, ticket.fault, chinaMoment(ticket.reportedAt)].join(' · ')}
      tertiaryText={(ticket) => (ticket.costFen === null ? '' : formatYuan(ticket.costFen))}
    />
  );
};

export default RepairTicketList;
