import type { BulkImportDto } from '@fleet/shared/contracts';
import type { Query } from '@tanstack/react-query';
import { NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { IMPORT_KIND_CHOICES, IMPORT_STATUS_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ImportProgress, isImportFinished } from './ImportProgress';
import { RejectedRowsButton } from '../common/RejectedRowsButton';
import { RetryImportButton } from '../common/RetryImportButton';

const POLL_MS = 1000;

// Polls while the worker has the file (queued or running) and stops once it has finished.
const queryOptions = {
  refetchInterval: (query: Query<BulkImportDto>) => (isImportFinished(query.state.data) ? false : POLL_MS),
};

const COUNTS = ['rowsTotal', 'rowsCreated', 'rowsUpdated', 'rowsUnchanged', 'rowsRejected'] as const;

const ImportShow = () => (
  <Show
    queryOptions={queryOptions}
    actions={
      <TopToolbar>
        <RetryImportButton resource="imports" />
        <RejectedRowsButton resource="imports" />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="fileName" />
      <SelectField source="kind" choices={IMPORT_KIND_CHOICES} />
      <SelectField source="status" choices={IMPORT_STATUS_CHOICES} />
      <ImportProgress />
      {COUNTS.map((source) => (
        <NumberField key={source} source={source} />
      ))}
      <TextField source="error" emptyText="—" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="startedAt" emptyText="—" />
      <DateTimeField source="finishedAt" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default ImportShow;
