import {
  DataTable,
  List,
  ReferenceField,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';

import { STATEMENT_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListPagination } from '../common/ListPagination';
import { MoneyField } from '../common/MoneyField';
import { OfficerReferenceInput } from '../common/ReferenceInputs';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { PrintStatementButton } from './StatementButtons';

/** Statements of a month, an officer or a status; an officer gets only their own from the API. */
const StatementList = () => {
  // Officers see their own statements only: a filter by officer would offer them nobody else.
  const { canAccess: canListOfficers } = useCanAccess({ action: 'list', resource: 'officers' });
  const filters = [
    <TextInput key="period" source="period" alwaysOn />,
    ...(canListOfficers ? [<OfficerReferenceInput key="officerId" source="officerId" />] : []),
    <SelectInput key="status" source="status" choices={STATEMENT_STATUS_CHOICES} alwaysOn />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={DEFAULT_PER_PAGE}
      pagination={<ListPagination />}
      actions={<TopToolbar />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="period" />
        <DataTable.Col source="officerId">
          <ReferenceField source="officerId" reference="officers" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.NumberCol source="version" />
        <DataTable.Col source="status">
          <SelectField source="status" choices={STATEMENT_STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="totalFen">
          <MoneyField source="totalFen" />
        </DataTable.Col>
        <DataTable.Col source="issuedAt">
          <DateTimeField source="issuedAt" />
        </DataTable.Col>
        <DataTable.Col>
          <PrintStatementButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default StatementList;
