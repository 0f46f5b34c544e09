import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { AlertDto } from '@fleet/shared/contracts';
import { chinaDateOf } from '@fleet/domain/inventory';
import { AlertEntity } from '@fleet/server/persistence';
import { type ListSpec, ReadService } from '@fleet/server/platform';
import { JobName, type JobPayloads, QueueName, QueueAvailability } from '@fleet/server/queue';
import type { Queue } from 'bullmq';
import { AlertStore } from './alert.store';

export const ALERT_LIST: ListSpec = {
  resource: 'alerts',
  sortable: ['id', 'asOf', 'kind', 'dueOn', 'daysLeft', 'resourceId'],
  defaultSort: ['asOf', 'DESC'],
  filters: {
    asOf: { property: 'asOf', type: 'string' },
    kind: { property: 'kind', type: 'string' },
    resource: { property: 'resource', type: 'string' },
    resourceId: { property: 'resourceId', type: 'int' },
  },
};

function toDto(row: AlertEntity): AlertDto {
  const { id, asOf, kind, resource, resourceId, dueOn, daysLeft, details } = row;
  return { id, asOf, kind, resource, resourceId, dueOn, daysLeft, details };
}

/** Today's alerts (warranty, lease and plan ends coming up), read; computed by the worker. */
@Injectable()
export class AlertsService extends ReadService<AlertEntity, AlertDto> {
  constructor(
    store: AlertStore,
    @InjectQueue(QueueName.Alerts) private readonly queue: Queue,
    private readonly queues: QueueAvailability,
  ) {
    super(store.dataSource, AlertEntity, ALERT_LIST);
  }

  protected toDto(row: AlertEntity): AlertDto {
    return toDto(row);
  }

  /** Enqueues a run for a day (today in China by default); clicks while one waits add nothing. */
  async recompute(asOf: string | undefined, now: Date): Promise<{ asOf: string; queued: true }> {
    const payload: JobPayloads[JobName.ComputeAlerts] = { asOf: asOf ?? chinaDateOf(now) };
    await this.queues.assertReady();
    await this.queue.add(JobName.ComputeAlerts, payload, {
      jobId: `alerts-${payload.asOf}`,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: 100,
    });
    return { asOf: payload.asOf!, queued: true };
  }
}
