import type { UsageImportDto } from '@fleet/shared/contracts';
import type { Query } from '@tanstack/react-query';
import { NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { IMPORT_STATUS_CHOICES, USAGE_KIND_CHOICES } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { isImportFinished } from '../common/RowsProgress';
import { UsageImportProgress } from './UsageImportProgress';
import { RejectedRowsButton } from '../common/RejectedRowsButton';
import { RetryImportButton } from '../common/RetryImportButton';

const POLL_MS = 1000;

// Polls while the worker has the file and stops once it has finished.
const queryOptions = {
  refetchInterval: (query: Query<UsageImportDto>) => (isImportFinished(query.state.data) ? false : POLL_MS),
};

const COUNTS = ['rowsTotal', 'rowsAccepted', 'rowsRejected', 'rowsDuplicate'] as const;

const UsageImportShow = () => (
  <Show
    queryOptions={queryOptions}
    actions={
      <TopToolbar>
        <RetryImportButton resource="usage-imports" />
        <RejectedRowsButton resource="usage-imports" />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="fileName" />
      <SelectField source="kind" choices={USAGE_KIND_CHOICES} />
      <TextField source="format" />
      <TextField source="encoding" emptyText="—" />
      <TextField source="period" emptyText="—" />
      <SelectField source="status" choices={IMPORT_STATUS_CHOICES} />
      <UsageImportProgress />
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

export default UsageImportShow;
