import { DataTable, List, ReferenceField, SelectField, SelectInput } from 'react-admin';

import { OFFICER_STATUS_CHOICES } from '../common/choices';
import { ListPagination } from '../common/ListPagination';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { UnitReferenceInput } from '../common/UnitReferenceInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { BulkActions, BulkSetUnitButton } from '../common/BulkActions';
import { ChoiceFilterList, FilterSidebar, UnitFilterList } from '../common/FilterSidebar';
import { ListActions } from '../common/ListActions';

const officerFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" />,
  <SelectInput key="status" source="status" choices={OFFICER_STATUS_CHOICES} />,
];

const OfficerList = () => (
  <List
    filters={officerFilters}
    sort={{ field: 'badgeNo', order: 'ASC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={<ListActions />}
    aside={
      <FilterSidebar>
        <ChoiceFilterList source="status" choices={OFFICER_STATUS_CHOICES} />
        <UnitFilterList />
      </FilterSidebar>
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={
        <BulkActions>
          <BulkSetUnitButton />
        </BulkActions>
      }
    >
      <DataTable.Col source="badgeNo" />
      <DataTable.Col source="name" />
      <DataTable.Col source="unitId">
        <ReferenceField source="unitId" reference="units" link="show" />
      </DataTable.Col>
      <DataTable.Col source="mobile" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={OFFICER_STATUS_CHOICES} />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default OfficerList;
