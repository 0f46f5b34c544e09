import { DataTable, List, SelectField, SelectInput, TextInput } from 'react-admin';

import { DEFAULT_PER_PAGE } from '../../providers/dataProvider';
import { BulkActions } from '../BulkActions';
import { IMPORT_STATUS_CHOICES } from '../choices';
import { DateTimeField } from '../DateTimeField';
import { ListActions } from '../ListActions';
import { ListPagination } from '../ListPagination';
import type { FileImportConfig } from './fileImport';
import { FileImportProgress } from './FileImportProgress';
import { RejectedRowsButton } from './RejectedRowsButton';

/** The imports, newest first: what each file held, how far the worker is and how its rows came out. */
const FileImportList = ({ config }: { config: FileImportConfig }) => {
  const { resource, kindChoices, listTextColumns, listCounts } = config;
  const filters = [
    <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
    <SelectInput key="status" source="status" choices={IMPORT_STATUS_CHOICES} alwaysOn />,
    ...listTextColumns.map((source) => <TextInput key={source} source={source} alwaysOn />),
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={DEFAULT_PER_PAGE}
      pagination={<ListPagination />}
      actions={<ListActions />}
    >
      <DataTable rowClick="show" bulkActionButtons={config.bulkActions ? <BulkActions /> : false}>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={kindChoices} />
        </DataTable.Col>
        {listTextColumns.map((source) => (
          <DataTable.Col key={source} source={source} />
        ))}
        <DataTable.Col source="fileName" />
        <DataTable.Col source="status">
          <SelectField source="status" choices={IMPORT_STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="rowsDone" disableSort>
          <FileImportProgress config={config} />
        </DataTable.Col>
        {listCounts.map((source) => (
          <DataTable.NumberCol key={source} source={source} />
        ))}
        <DataTable.Col>
          <RejectedRowsButton resource={resource} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default FileImportList;
