import type { RepairTicketDto } from '@fleet/shared/contracts';
import { Divider } from '@mui/material';
import {
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useTranslate,
  WithRecord,
  useRecordContext,
} from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import {
  ApprovalField,
  CauseField,
  InWarrantyField,
  LiabilityField,
  RepairStatusField,
  type TicketFieldProps,
} from './RepairFields';
import { RepairEvents } from './RepairEvents';
import { RepairPhotos } from './RepairPhotos';
import { RepairTicketActions } from './RepairTicketActions';

const AccessoriesField = (_props: TicketFieldProps) => {
  const translate = useTranslate();
  const ticket = useRecordContext<RepairTicketDto>();
  return (
    <span>
      {ticket?.accessories.length ? ticket.accessories.join('、') : translate('fleet.repairs.none')}
    </span>
  );
};

/** Everything about one repair: intake, diagnosis, who pays and why, the way out and back, the history. */
const RepairTicketShow = () => (
  <Show actions={<RepairTicketActions />}>
    <SimpleShowLayout>
      <TextField source="ticketNo" />
      <RepairStatusField source="status" />
      <ReferenceField source="deviceId" reference="devices" link="show" />
      <TextField source="imei" />
      <DateTimeField source="reportedAt" />
      <ReferenceField source="reportedByOfficerId" reference="officers" link="show" emptyText="—" />
      <ReferenceField source="holderOfficerId" reference="officers" link="show" emptyText="—" />
      <TextField source="fault" />
      <AccessoriesField source="accessories" />
      <TextField source="condition" emptyText="—" />
      <DateTimeField source="damagedAt" emptyText="—" />
      <CauseField source="cause" />
      <TextField source="diagnosis" emptyText="—" />
      <CalendarDateField source="warrantyEndOn" />
      <InWarrantyField source="inWarranty" />
      <LiabilityField source="liability" />
      <ReferenceField source="liableOfficerId" reference="officers" link="show" emptyText="—" />
      <MoneyField source="quoteFen" emptyText="—" />
      <MoneyField source="costFen" emptyText="—" />
      <TextField source="vendor" emptyText="—" />
      <TextField source="trackingNote" emptyText="—" />
      <ReferenceField source="replacementDeviceId" reference="devices" link="show" emptyText="—" />
      <ReferenceField source="loanerDeviceId" reference="devices" link="show" emptyText="—" />
      <DateTimeField source="loanerOutAt" emptyText="—" />
      <DateTimeField source="loanerBackAt" emptyText="—" />
      <DateTimeField source="closedAt" emptyText="—" />
      <TextField source="chargePeriod" emptyText="—" />
      <ApprovalField source="approvalStatus" />
      <TextField source="approvalReason" emptyText="—" />
      <DateTimeField source="approvalDecidedAt" emptyText="—" />
      <TextField source="cancelReason" emptyText="—" />
      <TextField source="notes" emptyText="—" />
      <Divider flexItem />
      <WithRecord<RepairTicketDto> render={(ticket) => <RepairPhotos ticketId={ticket.id} />} />
      <Divider flexItem />
      <WithRecord<RepairTicketDto>
        render={(ticket) => <RepairEvents ticketId={ticket.id} updatedAt={ticket.updatedAt} />}
      />
    </SimpleShowLayout>
  </Show>
);

export default RepairTicketShow;
