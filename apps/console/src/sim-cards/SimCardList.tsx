import { CalendarDateField } from '../common/CalendarDateField';
import {
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  AutocompleteInput,
  SelectField,
  SelectInput,
} from 'react-admin';

import { SIM_SLOT_CHOICES, SIM_STATUS_CHOICES } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { DeviceReferenceInput } from '../common/ReferenceInputs';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { BulkActions } from '../common/BulkActions';
import { ChoiceFilterList, FilterSidebar } from '../common/FilterSidebar';

const simCardFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={SIM_STATUS_CHOICES} />,
  <ReferenceInput key="apnProfileId" source="apnProfileId" reference="apn-profiles" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <DeviceReferenceInput key="deviceId" source="deviceId" alwaysOn />,
];

const SimCardList = () => (
  <List
    filters={simCardFilters}
    sort={{ field: 'msisdn', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    aside={
      <FilterSidebar>
        <ChoiceFilterList source="status" choices={SIM_STATUS_CHOICES} />
      </FilterSidebar>
    }
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="msisdn" />
      <DataTable.Col source="iccid" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={SIM_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="apnProfileId">
        <ReferenceField source="apnProfileId" reference="apn-profiles" link="show" />
      </DataTable.Col>
      <DataTable.Col source="deviceId">
        <ReferenceField source="deviceId" reference="devices" link="show" />
      </DataTable.Col>
      <DataTable.Col source="slot">
        <SelectField source="slot" choices={SIM_SLOT_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="planEndsOn">
        <CalendarDateField source="planEndsOn" />
      </DataTable.Col>
      <DataTable.Col source="realNameRegisteredOn">
        <CalendarDateField source="realNameRegisteredOn" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default SimCardList;
