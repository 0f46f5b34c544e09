import AccountTreeIcon from '@mui/icons-material/AccountTree';
import DownloadIcon from '@mui/icons-material/Download';
import type { ReactNode } from 'react';
import {
  Button,
  required,
  useCanAccess,
  useListContext,
  useNotify,
  useRefresh,
  useUnselectAll,
  type RaRecord,
  type SortPayload,
} from 'react-admin';

import { ActionDialog } from './ActionDialog';
import { errorMessageOf } from './apiAction';
import { UnitReferenceInput } from './UnitReferenceInput';
import { dataProvider, type ExportFormat } from '../providers/dataProvider';

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/** The selected rows as CSV or Excel, through the API's export (the same columns as the whole list's). */
export const BulkExportButtons = () => {
  const { resource, sort, selectedIds } = useListContext<RaRecord>() as {
    resource: string;
    sort: SortPayload;
    selectedIds: RaRecord['id'][];
  };
  const notify = useNotify();
  const { canAccess } = useCanAccess({ action: 'export', resource });
  if (!canAccess) return null;
  const exportAs = async (format: ExportFormat) => {
    try {
      await dataProvider.exportList(resource, format, sort, { id: selectedIds });
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    }
  };
  return (
    <>
      {FORMATS.map((format) => (
        <Button key={format} label={`fleet.bulk.export_${format}`} onClick={() => void exportAs(format)}>
          <DownloadIcon />
        </Button>
      ))}
    </>
  );
};

const requiredValue = required();

/** Moves the selected records (devices, officers) to one unit: one update a record, as the edit form does. */
export const BulkSetUnitButton = () => {
  const { resource, selectedIds } = useListContext<RaRecord>();
  const { canAccess } = useCanAccess({ action: 'edit', resource });
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  if (!canAccess) return null;
  return (
    <ActionDialog<{ unitId: number }>
      label="fleet.bulk.set_unit"
      icon={<AccountTreeIcon />}
      title="fleet.bulk.set_unit_title"
      resource={resource}
      action={(provider, { unitId }) => provider.updateMany(resource, { ids: selectedIds, data: { unitId } })}
      onDone={() => {
        notify('fleet.bulk.unit_set', { messageArgs: { count: selectedIds.length } });
        unselectAll();
        refresh();
      }}
    >
      <UnitReferenceInput source="unitId" validate={requiredValue} />
    </ActionDialog>
  );
};

/**
 * A list's bulk actions: what the list adds (set unit, print labels…) and then the export of the
 * selection, so features compose their buttons here rather than replacing each other's.
 */
export const BulkActions = ({ children }: { children?: ReactNode }) => (
  <>
    {children}
    <BulkExportButtons />
  </>
);
