import { DataTable, List, ReferenceField, SelectField, SelectInput } from 'react-admin';

import { DEVICE_STATUS_CHOICES, OWNERSHIP_CHOICES } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { ListPagination } from '../common/ListPagination';
import { OfficerReferenceInput } from '../common/ReferenceInputs';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { UnitReferenceInput } from '../common/UnitReferenceInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { FindDeviceByImei } from './FindDeviceByImei';
import { PrintLabelsButtons } from './PrintLabelsButtons';
import { WarrantyEndField } from './WarrantyEndField';
import { BulkActions, BulkSetUnitButton } from '../common/BulkActions';
import { CalendarDateInput } from '../common/DateTextInputs';
import {
  ChoiceFilterList,
  FilterSidebar,
  UnitFilterList,
  WarrantyEndFilterList,
} from '../common/FilterSidebar';

const deviceFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={DEVICE_STATUS_CHOICES} />,
  <SelectInput key="ownership" source="ownership" choices={OWNERSHIP_CHOICES} />,
  <OfficerReferenceInput key="currentOfficerId" source="currentOfficerId" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" />,
  <CalendarDateInput key="warrantyEndOn_lte" source="warrantyEndOn_lte" alwaysOn />,
];

const DeviceList = () => (
  <List
    filters={deviceFilters}
    sort={{ field: 'imei1', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    aside={
      <FilterSidebar>
        <ChoiceFilterList source="status" choices={DEVICE_STATUS_CHOICES} />
        <ChoiceFilterList source="ownership" label="fleet.sidebar.ownership" choices={OWNERSHIP_CHOICES} />
        <UnitFilterList />
        <WarrantyEndFilterList />
      </FilterSidebar>
    }
    actions={
      <ListActions>
        <FindDeviceByImei />
      </ListActions>
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={
        <BulkActions>
          <BulkSetUnitButton />
          <PrintLabelsButtons />
        </BulkActions>
      }
    >
      <DataTable.Col source="imei1" />
      <DataTable.Col source="model" />
      <DataTable.Col source="serialNumber" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={DEVICE_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="ownership">
        <SelectField source="ownership" choices={OWNERSHIP_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="currentOfficerId">
        <ReferenceField source="currentOfficerId" reference="officers" link="show" />
      </DataTable.Col>
      <DataTable.Col source="warrantyEndOn">
        <WarrantyEndField source="warrantyEndOn" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default DeviceList;
