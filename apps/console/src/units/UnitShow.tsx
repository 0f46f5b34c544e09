import {
  DataTable,
  Labeled,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

import { OFFICER_STATUS_CHOICES } from '../common/choices';
import { ListPagination } from '../common/ListPagination';

// The tree is walked one level at a time: up through the parent, down through the sub-units.
const UnitShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="parentId" reference="units" link="show" emptyText="—" />
      <Labeled label="resources.units.sections.children" fullWidth>
        <ReferenceManyField
          reference="units"
          target="parentId"
          sort={{ field: 'name', order: 'ASC' }}
          pagination={<ListPagination />}
        >
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
          </DataTable>
        </ReferenceManyField>
      </Labeled>
      <Labeled label="resources.units.sections.officers" fullWidth>
        <ReferenceManyField
          reference="officers"
          target="unitId"
          sort={{ field: 'badgeNo', order: 'ASC' }}
          pagination={<ListPagination />}
        >
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="badgeNo" />
            <DataTable.Col source="name" />
            <DataTable.Col source="status">
              <SelectField source="status" choices={OFFICER_STATUS_CHOICES} />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);

export default UnitShow;
