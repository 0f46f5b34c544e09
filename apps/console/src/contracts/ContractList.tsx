import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';

import { CalendarDateField } from '../common/CalendarDateField';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';

const ContractList = () => (
  <List
    sort={{ field: 'startsOn', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="carrier" />
      <DataTable.Col source="startsOn">
        <CalendarDateField source="startsOn" />
      </DataTable.Col>
      <DataTable.Col source="endsOn" disableSort>
        <CalendarDateField source="endsOn" />
      </DataTable.Col>
      <DataTable.Col source="totalFen" disableSort>
        <MoneyField source="totalFen" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default ContractList;
