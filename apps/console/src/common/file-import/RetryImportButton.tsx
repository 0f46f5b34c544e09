import ReplayIcon from '@mui/icons-material/Replay';
import { Button, usePermissions, useRecordContext } from 'react-admin';

import { useApiAction } from '../apiAction';
import type { FileImportRecord, FileImportResource } from './fileImport';

/**
 * Starts a failed import again (admin): a usage file is read over from its start, a roster resumes
 * after its last committed batch.
 */
export const RetryImportButton = ({ resource }: { resource: FileImportResource }) => {
  const record = useRecordContext<FileImportRecord>();
  const { permissions } = usePermissions<string>();
  const { run, pending } = useApiAction();
  if (!record || record.status !== 'failed' || permissions !== 'admin') {
    return null;
  }
  return (
    <Button
      label="fleet.actions.retry_import"
      disabled={pending}
      onClick={(event) => {
        event.stopPropagation();
        void run((provider) => provider.retryImport(resource, record.id));
      }}
    >
      <ReplayIcon />
    </Button>
  );
};
