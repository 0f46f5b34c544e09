import { IMPORT_STATUS_LABELS } from '@fleet/shared/contracts';
import type { LocalizedText } from '../i18n/lang';
import type { ExportColumn, ExportDefinition } from '../export/export.registry';
import type { ListSpec } from '../list/list-query';
import { IMPORT_READERS, type ImportPort } from './import-controller';

/** What every file run (roster or usage import) shows in its export. */
interface FileRunRow {
  id: number;
  fileName: string;
  status: string;
  rowsTotal: number;
  rowsRejected: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * The export of a file import's list, for the roles that read it: the file, its own columns (`columns`:
 * kind, period, counts), then status, totals, error and times, the error in the caller's language.
 */
export function fileRunExport<D extends FileRunRow>(options: {
  resource: string;
  title: LocalizedText;
  spec: ListSpec;
  service: Pick<ImportPort<D>, 'list'>;
  columns: readonly ExportColumn<D>[];
}): ExportDefinition<D> {
  return {
    resource: options.resource,
    title: options.title,
    roles: IMPORT_READERS,
    spec: options.spec,
    columns: [
      { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
      { key: 'fileName', header: { zh: '文件名', en: 'file name' } },
      ...options.columns,
      { key: 'status', header: { zh: '状态', en: 'status' }, kind: 'label', labels: IMPORT_STATUS_LABELS },
      { key: 'rowsTotal', header: { zh: '总行数', en: 'rows' }, kind: 'number' },
      { key: 'rowsRejected', header: { zh: '拒绝', en: 'rejected' }, kind: 'number' },
      { key: 'error', header: { zh: '错误', en: 'error' } },
      { key: 'createdAt', header: { zh: '上传时间', en: 'uploaded at' }, kind: 'moment' },
      { key: 'finishedAt', header: { zh: '完成时间', en: 'finished at' }, kind: 'moment' },
    ],
    fetch: (query, _actor, lang) => options.service.list(query, lang),
  };
}
