import { DataTable, List, SelectField, SelectInput, TextInput } from 'react-admin';

import { DateTimeInput } from '../common/DateTextInputs';

import { AUDIT_ACTION_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ListPagination } from '../common/ListPagination';
import { SearchFilterInput } from '../common/SearchFilterInput';
import { DEFAULT_PER_PAGE } from '../providers/dataProvider';
import { AuditResourceField } from './AuditResourceField';
import { VerifyChainButton } from './VerifyChainButton';
import { BulkActions } from '../common/BulkActions';
import { ListActions } from '../common/ListActions';

const auditLogFilters = [
  <SearchFilterInput key="q" source="q" alwaysOn />,
  <SelectInput key="action" source="action" choices={AUDIT_ACTION_CHOICES} alwaysOn />,
  <TextInput key="resource" source="resource" alwaysOn />,
  <DateTimeInput key="at_gte" source="at_gte" alwaysOn />,
  <DateTimeInput key="at_lte" source="at_lte" alwaysOn />,
];

const AuditLogList = () => (
  <List
    filters={auditLogFilters}
    sort={{ field: 'at', order: 'DESC' }}
    perPage={DEFAULT_PER_PAGE}
    pagination={<ListPagination />}
    actions={
      <ListActions>
        <VerifyChainButton />
      </ListActions>
    }
  >
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="at">
        <DateTimeField source="at" />
      </DataTable.Col>
      <DataTable.Col source="username" />
      <DataTable.Col source="action">
        <SelectField source="action" choices={AUDIT_ACTION_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="resource">
        <AuditResourceField source="resource" />
      </DataTable.Col>
      <DataTable.Col source="resourceId" />
    </DataTable>
  </List>
);

export default AuditLogList;
