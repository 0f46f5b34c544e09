import type { FileRunColumns } from '@fleet/server/persistence';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { Actor } from '../auth/access.decorators';
import type { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';

type FileRun = FileRunColumns & { status: string };

/**
 * Puts a failed file run back in the queue's hands (status queued, its error cleared), audited, in the
 * caller's transaction; the caller enqueues its job once this has committed. Any other status is a
 * 409: a run that is queued or running will go on by itself, one that succeeded is done.
 */
export async function requeueFailedRun<E extends FileRun>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  resource: string,
  id: number,
  audit: AuditService,
  actor: Actor,
): Promise<E> {
  const repo = manager.getRepository<FileRun>(entity);
  const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw ApiException.notFound(resource, id);
  if (row.status !== 'failed')
    throw ApiException.conflict(
      {
        zh: `只有失败的导入可以重试；导入 #${id} 的状态是 ${row.status}`,
        en: `Only a failed import can be retried; import #${id} is ${row.status}`,
      },
      'status',
    );
  await repo.update(id, { status: 'queued', error: null, finishedAt: null });
  await audit.record(manager, {
    actor,
    action: 'update',
    resource,
    resourceId: id,
    before: { status: row.status, error: row.error },
    after: { status: 'queued', error: null, retried: true },
  });
  return (await repo.findOneByOrFail({ id })) as E;
}
