import { Edit, SimpleForm, TextInput, required } from 'react-admin';

import { AccessoryChips } from '../repair-intake/AccessoryChips';
import { YuanInput } from './YuanInput';

/**
 * What the repair desk may correct on a ticket: the fault, the accessories and condition taken in, the
 * quote and notes. Everything else follows the status flow (the buttons on the ticket's page).
 */
const RepairTicketEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <TextInput source="fault" multiline minRows={2} validate={required()} fullWidth />
      <AccessoryChips source="accessories" />
      <TextInput source="condition" fullWidth />
      <YuanInput source="quoteFen" fullWidth />
      <TextInput source="notes" multiline minRows={2} fullWidth />
    </SimpleForm>
  </Edit>
);

export default RepairTicketEdit;
