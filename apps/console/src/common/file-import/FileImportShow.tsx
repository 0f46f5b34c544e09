import type { Query } from '@tanstack/react-query';
import { NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { IMPORT_STATUS_CHOICES } from '../choices';
import { DateTimeField } from '../DateTimeField';
import { isImportFinished, type FileImportConfig, type FileImportRecord } from './fileImport';
import { FileImportProgress } from './FileImportProgress';
import { RejectedRowsButton } from './RejectedRowsButton';
import { RetryImportButton } from './RetryImportButton';

const POLL_MS = 1000;

// Polls while the worker has the file (queued or running) and stops once it has finished.
const queryOptions = {
  refetchInterval: (query: Query<FileImportRecord>) => (isImportFinished(query.state.data) ? false : POLL_MS),
};

/** One import: its file, its progress while the worker reads it, its counts and its error; retry (admin). */
const FileImportShow = ({ config }: { config: FileImportConfig }) => (
  <Show
    queryOptions={queryOptions}
    actions={
      <TopToolbar>
        <RetryImportButton resource={config.resource} />
        <RejectedRowsButton resource={config.resource} />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="fileName" />
      <SelectField source="kind" choices={config.kindChoices} />
      {config.showTextFields.map((source) => (
        <TextField key={source} source={source} emptyText="—" />
      ))}
      <SelectField source="status" choices={IMPORT_STATUS_CHOICES} />
      <FileImportProgress config={config} />
      {config.showCounts.map((source) => (
        <NumberField key={source} source={source} />
      ))}
      <TextField source="error" emptyText="—" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="startedAt" emptyText="—" />
      <DateTimeField source="finishedAt" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default FileImportShow;
