import type { Clock } from '@fleet/server/config';
import { type FileRunLease, LeaseLostError } from '@fleet/server/persistence';
import type { LocalizedText } from '@fleet/server/platform';
import { UnrecoverableError } from 'bullmq';
import type { FileImportKind, FileImportRow } from './file-import.kind';
import type { FileImportStore } from './file-import.store';
import { FileImportError } from './file-type';

export interface RunOptions {
  /** The job's last attempt: a system fault then fails the import instead of leaving it for a retry. */
  lastAttempt: boolean;
  now?: Date;
}

/**
 * The worker side of a file import, whatever the kind: find the import (a finished one is answered as
 * it is), take its lease (FileRunLease: one worker at a time, writes committed only while held), let
 * the kind process the file, and record a failure where no retry can help: at once for a fault of the
 * file (FileImportError, not retried), on the last attempt for any other; a lost lease leaves it alone.
 * What processing means (batches that resume, one transaction that starts over, chunks) is the kind's.
 */
export abstract class FileImportRunner<E extends FileImportRow> {
  protected constructor(
    protected readonly kind: FileImportKind<E, unknown>,
    protected readonly files: FileImportStore,
    protected readonly clock: Clock,
  ) {}

  /** Processes one file under its lease (FileImportRunner); throws LeaseHeldError while another run holds it. */
  async run(importId: number, options: RunOptions): Promise<E> {
    const found = await this.files.findById(this.kind.entity, importId);
    if (!found) throw new UnrecoverableError(`no ${this.kind.label} ${importId}`);
    if (found.status === 'succeeded' || found.status === 'failed') return found;
    if (await this.inHand(found)) return found;
    const lease = await this.files.takeLease(this.kind.table, importId);
    try {
      return await this.process(found, lease, options.now ?? this.clock.now());
    } catch (error) {
      return await this.failed(error, options.lastAttempt, (text) =>
        this.files.fail(this.kind.table, lease, text, this.clock.now()),
      );
    } finally {
      await lease.release();
    }
  }

  /** The ids of imports not yet finished and not being run by any worker (for the reconciler). */
  unfinished(): Promise<number[]> {
    return this.files.unfinished(this.kind.table);
  }

  /** The kind's work on the file, under the lease; answers the import as it ends. */
  protected abstract process(row: E, lease: FileRunLease, now: Date): Promise<E>;

  /** Whether an unfinished import goes on by other jobs than this one (a chunked usage import). */
  protected inHand(_row: E): Promise<boolean> {
    return Promise.resolve(false);
  }

  /**
   * Rethrows a run's failure after marking the import failed where no retry can help: at once for a
   * fault of the file (not retried), on the last attempt for any other; a lost lease leaves it alone.
   */
  protected async failed(
    error: unknown,
    lastAttempt: boolean,
    fail: (text: LocalizedText) => Promise<void>,
  ): Promise<never> {
    if (error instanceof LeaseLostError) throw error;
    if (error instanceof FileImportError) {
      await fail(error.text);
      throw new UnrecoverableError(error.text.en);
    }
    if (lastAttempt) await fail(this.kind.systemError);
    throw error;
  }
}
