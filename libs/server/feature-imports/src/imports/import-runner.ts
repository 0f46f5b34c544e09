import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { emptyFileMessage, matchHeader, notARosterMessage, parentsFirst } from '@fleet/domain/inventory';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import {
  type FileEncoding,
  FileImportError,
  FileImportRunner,
  FileImportStore,
  type FileFormat,
  isBlank,
} from '@fleet/server/file-import';
import type { BulkImportEntity, FileRunLease } from '@fleet/server/persistence';
import { AuditService } from '@fleet/server/platform';
import { readRosterFile } from './roster-file';
import { type ImportItem, RosterImportStore } from './roster-import.store';
import { ROSTER_IMPORT } from './roster-import.kind';
import { ROW_WRITERS } from './roster-rows.writer';

/** Rows per transaction; progress is visible to the console after each. */
export const IMPORT_BATCH_ROWS = 200;

/**
 * Processes one uploaded roster (the shared FileImportRunner: lease and failures). Each batch of rows,
 * its rejections and the import's counters are committed together, so the counters are a checkpoint:
 * a retried job (worker killed, database gone) resumes after the last committed batch and counts
 * nothing twice. Rows are upserts, so even a batch replayed after a crash between commit and
 * acknowledgement only finds its rows unchanged.
 */
@Injectable()
export class ImportRunner extends FileImportRunner<BulkImportEntity> {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    files: FileImportStore,
    clock: Clock,
    private readonly store: RosterImportStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(ROSTER_IMPORT, files, clock);
  }

  protected async process(row: BulkImportEntity, lease: FileRunLease, now: Date): Promise<BulkImportEntity> {
    await this.store.start(row.id, row.startedAt ?? now);
    const items = await this.readItems(row);
    await this.store.setRowsTotal(row.id, items.length);
    const actor = await this.store.actorOf(row.createdByUserId);
    const write = ROW_WRITERS[row.kind];
    const { audit, config } = this;

    for (let start = row.rowsDone; start < items.length; start += IMPORT_BATCH_ROWS) {
      const batch = items.slice(start, start + IMPORT_BATCH_ROWS);
      await this.store.writeBatch(lease, row.id, start + batch.length, batch, (manager, cells) =>
        write({ manager, audit, actor, badgeNoPattern: config.badgeNoPattern, now }, cells),
      );
    }
    const done = await this.store.succeed(lease, row.id, this.clock.now());
    this.logger.log(
      `import ${done.id} (${done.kind}): ${done.rowsCreated} created, ${done.rowsUpdated} updated, ` +
        `${done.rowsUnchanged} unchanged, ${done.rowsRejected} rejected`,
    );
    return done;
  }

  /** The file's data rows in the order they are written (units: parents first). */
  private async readItems(row: BulkImportEntity): Promise<ImportItem[]> {
    const content = await readFile(join(this.config.dataDir, row.storedPath)).catch(() => {
      throw new FileImportError({ zh: '找不到上传的文件', en: 'The uploaded file is missing' });
    });
    const lines = (
      await readRosterFile(content, row.format as FileFormat, row.encoding as FileEncoding | null)
    ).filter((l) => !isBlank(l.cells));
    const kind = row.kind;
    const [headerLine, ...dataLines] = lines;
    const match = matchHeader(kind, headerLine?.cells ?? []);
    if (!headerLine || match.missing.length)
      throw new FileImportError(notARosterMessage(kind, match.missing));
    if (!dataLines.length) throw new FileImportError(emptyFileMessage(kind));

    const header = headerLine.cells.map((h, i) => h.trim() || `#${i + 1}`);
    const headers = Object.fromEntries(Object.entries(match.columns).map(([key, i]) => [key, header[i]]));
    const items = dataLines.map(({ rowNo, cells }) => ({
      rowNo,
      cells: Object.fromEntries(Object.entries(match.columns).map(([key, i]) => [key, cells[i] ?? ''])),
      raw: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])),
      headers,
    }));
    if (kind !== 'units') return items;
    const order = parentsFirst(
      items.map((i) => ({ name: i.cells.name?.trim() ?? '', parent: i.cells.parent?.trim() || null })),
    );
    return order.map((i) => items[i]);
  }
}
