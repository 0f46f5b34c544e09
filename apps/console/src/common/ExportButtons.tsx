import DownloadIcon from '@mui/icons-material/Download';
import {
  Button,
  useCanAccess,
  useListContext,
  useNotify,
  type RaRecord,
  type SortPayload,
} from 'react-admin';

import { errorMessageOf } from './apiAction';
import { dataProvider, type ExportFormat } from '../providers/dataProvider';

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/**
 * Replaces react-admin's in-browser exporter: the API writes the whole filtered list (not only the loaded
 * page) as CSV or Excel, in the list's current order.
 */
export const ExportButtons = () => {
  const { resource, sort, filterValues, total } = useListContext<RaRecord>() as {
    resource: string;
    sort: SortPayload;
    filterValues: Record<string, unknown>;
    total?: number;
  };
  const notify = useNotify();
  const { canAccess } = useCanAccess({ action: 'export', resource });
  if (!canAccess) {
    return null;
  }
  const exportAs = async (format: ExportFormat) => {
    try {
      await dataProvider.exportList(resource, format, sort, filterValues);
    } catch (error) {
      notify(errorMessageOf(error), { type: 'error' });
    }
  };
  return (
    <>
      {FORMATS.map((format) => (
        <Button
          key={format}
          label={`fleet.export.${format}`}
          onClick={() => void exportAs(format)}
          disabled={total === 0}
        >
          <DownloadIcon />
        </Button>
      ))}
    </>
  );
};
