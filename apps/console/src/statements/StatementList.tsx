import { DataTable, List, SelectInput, TextInput, useCanAccess } from 'react-admin';

import { STATEMENT_STATUS_CHOICES } from '../common/choices';
import { BulkActions } from '../common/BulkActions';
import { ListPagination } from '../common/ListPagination';
import { ListActions } from '../common/ListActions';
import { OfficerReferenceInput } from '../common/ReferenceInputs';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { PrintStatementButton } from './StatementButtons';
import { StatementTable } from './StatementTable';

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
      actions={<ListActions />}
    >
      <StatementTable withOfficer bulkActionButtons={<BulkActions />}>
        <DataTable.Col>
          <PrintStatementButton />
        </DataTable.Col>
      </StatementTable>
    </List>
  );
};

export default StatementList;
