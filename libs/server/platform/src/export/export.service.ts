import { HttpStatus, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDateOf } from '@fleet/domain/inventory';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/access.decorators';
import { ApiException } from '../errors/api.exception';
import type { Lang } from '../i18n/lang';
import { parseListQuery } from '../list/list-query';
import { type PageNames, exportCell, rawValue, sheetColumns } from './export-cells';
import { type ExportDefinition, ExportRegistry } from './export.registry';
import {
  CONTENT_TYPES,
  type Cell,
  SPREADSHEET_FORMATS,
  type SpreadsheetFormat,
  spreadsheetStream,
} from './spreadsheet-files';
import { Clock } from '@fleet/server/config';

/** More rows than this is refused: narrow the filter. */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 1_000;

export interface ExportRequest {
  resource: string;
  format?: string;
  sort?: string;
  filter?: string;
  lang: Lang;
  actor: Actor;
}

/**
 * Every row of a resource's list that matches the filter, as CSV or XLSX a person can read: headers and
 * labels in the caller's language, names next to ids, China time, money and volumes as numbers.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async export(request: ExportRequest): Promise<StreamableFile> {
    const definition = this.registry.find(request.resource);
    if (!definition) throw ApiException.notFound('exports', request.resource);
    if (!definition.roles.includes(request.actor.role)) {
      throw new ApiException(HttpStatus.FORBIDDEN, {
        zh: '无权导出该数据',
        en: 'Your role may not export this resource',
      });
    }
    const format = (request.format ?? 'csv') as SpreadsheetFormat;
    if (!SPREADSHEET_FORMATS.includes(format)) {
      throw ApiException.badRequest([
        { field: 'format', reason: { zh: '格式应为 csv 或 xlsx', en: 'format must be csv or xlsx' } },
      ]);
    }
    const query = parseListQuery(definition.spec, { sort: request.sort, filter: request.filter });
    // The first page is fetched before answering, so a bad filter or too many rows is a 4xx, not a cut file.
    const first = await definition.fetch({ ...query, offset: 0, limit: PAGE }, request.actor, request.lang);
    if (first.total > EXPORT_MAX_ROWS) {
      throw ApiException.badRequest([
        {
          field: 'filter',
          reason: {
            zh: `共 ${first.total} 行，超过导出上限 ${EXPORT_MAX_ROWS} 行，请缩小筛选范围`,
            en: `${first.total} rows exceed the export limit of ${EXPORT_MAX_ROWS}; narrow the filter`,
          },
        },
      ]);
    }
    // Who took which rows out (personal data: officers, holders, statements): one audit row an export.
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor: request.actor,
        action: 'export',
        resource: definition.resource,
        resourceId: null,
        after: { format, sort: request.sort ?? null, filter: request.filter ?? null, rows: first.total },
      }),
    );
    const firstRows = await this.rows(definition, first.items, request.lang);
    const columns = sheetColumns(definition.columns, request.lang, firstRows.slice(0, 100));
    const batches = async function* (this: ExportService) {
      yield firstRows;
      for (let offset = PAGE; offset < first.total; offset += PAGE) {
        const page = await definition.fetch({ ...query, offset, limit: PAGE }, request.actor, request.lang);
        if (!page.items.length) return;
        yield await this.rows(definition, page.items, request.lang);
      }
    }.call(this);
    const stream = spreadsheetStream(format, columns, batches, definition.title[request.lang]);
    return new StreamableFile(stream, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="${definition.resource}-${chinaDateOf(this.clock.now())}.${format}"`,
    });
  }

  /** A page as cells, the ids of its reference columns named with one lookup call each. */
  private async rows(
    definition: ExportDefinition<unknown>,
    items: readonly unknown[],
    lang: Lang,
  ): Promise<Cell[][]> {
    const names = new Map<string, ReadonlyMap<number, string>>();
    for (const column of definition.columns) {
      if (column.kind !== 'ref' || !column.lookup || names.has(column.lookup)) continue;
      const lookup = column.lookup;
      const ids = new Set<number>();
      for (const c of definition.columns.filter((c) => c.kind === 'ref' && c.lookup === lookup)) {
        for (const item of items) {
          const id = Number(rawValue(c, item));
          if (Number.isInteger(id) && id > 0) ids.add(id);
        }
      }
      names.set(lookup, ids.size ? await this.registry.lookup(lookup)([...ids]) : new Map());
    }
    const pageNames: PageNames = names;
    return items.map((item) => definition.columns.map((c) => exportCell(c, item, lang, pageNames)));
  }
}
