import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { contractAlerts } from '@fleet/domain/contract';
import { computeAlerts, type IsoDate } from '@fleet/domain/inventory';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import {
  AlertEntity,
  ContractEntity,
  DeviceEntity,
  InstallmentEntity,
  InstallmentPaymentEntity,
  SimCardEntity,
} from '@fleet/server/persistence';
import { type NotificationDraft, Notifier } from '@fleet/server/platform';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';

const keyOf = (a: { kind: string; resource: string; resourceId: number }) =>
  `${a.kind}|${a.resource}|${a.resourceId}`;

/**
 * Replaces one day's alerts in one transaction. Rows that stay keep their ids and only changed ones
 * are written, so rerunning a day changes nothing.
 */
@Injectable()
export class AlertsRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifier: Notifier,
  ) {}

  async compute(asOf: IsoDate): Promise<{ asOf: IsoDate; alerts: number }> {
    return this.dataSource.transaction(async (manager) => {
      // Two runs for the same day (the schedule and an admin's click) take turns.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`alerts:${asOf}`]);
      const [devices, sims] = await Promise.all([manager.find(DeviceEntity), manager.find(SimCardEntity)]);
      const drafts = [
        ...computeAlerts({
          today: asOf,
          contractSignedOn: this.config.contractSignedOn,
          devices,
          sims,
        }),
        ...(await this.contractDeadlines(manager, asOf)),
      ];
      const existing = new Map((await manager.findBy(AlertEntity, { asOf })).map((a) => [keyOf(a), a]));
      const wanted = new Set(drafts.map(keyOf));
      const fresh = await this.newSinceDayBefore(
        manager,
        asOf,
        drafts.filter((d) => !existing.has(keyOf(d))),
      );
      const stale = [...existing.values()].filter((a) => !wanted.has(keyOf(a))).map((a) => a.id);
      if (stale.length) await manager.delete(AlertEntity, stale);
      for (const draft of drafts) {
        const old = existing.get(keyOf(draft));
        if (!old) await manager.insert(AlertEntity, { ...draft, asOf });
        else if (
          old.dueOn !== draft.dueOn ||
          old.daysLeft !== draft.daysLeft ||
          JSON.stringify(old.details) !== JSON.stringify(draft.details)
        ) {
          await manager.update(AlertEntity, old.id, {
            dueOn: draft.dueOn,
            daysLeft: draft.daysLeft,
            details: draft.details,
          });
        }
      }
      if (fresh) await this.notifier.toRole(manager, 'admin', newAlertsNote(asOf, fresh));
      return { asOf, alerts: drafts.length };
    });
  }

  /** How many of the day's added alerts the latest earlier day did not have: what is news to an admin. */
  private async newSinceDayBefore(
    manager: EntityManager,
    asOf: IsoDate,
    added: readonly { kind: string; resource: string; resourceId: number }[],
  ): Promise<number> {
    if (!added.length) return 0;
    const before: { kind: string; resource: string; resource_id: number }[] = await manager.query(
      `SELECT kind, resource, resource_id FROM alerts
        WHERE as_of = (SELECT max(as_of) FROM alerts WHERE as_of < $1)`,
      [asOf],
    );
    const known = new Set(before.map((a) => keyOf({ ...a, resourceId: a.resource_id })));
    return added.filter((a) => !known.has(keyOf(a))).length;
  }

  /** Installments due or overdue, the end of each contract and its notice deadlines (issue 13). */
  private async contractDeadlines(manager: EntityManager, asOf: IsoDate) {
    // One after another: the three reads share the transaction's connection.
    const contracts = await manager.find(ContractEntity);
    const installments = await manager.find(InstallmentEntity, { order: { seq: 'ASC' } });
    const payments = await manager.findBy(InstallmentPaymentEntity, { reversedAt: IsNull() });
    return contracts.flatMap((contract) =>
      contractAlerts({
        today: asOf,
        // The row carries every figure of the terms; the rule reads them from it.
        contract: { id: contract.id, name: contract.name, terms: contract },
        installments: installments
          .filter((i) => i.contractId === contract.id)
          .map((i) => ({ ...i, payments: payments.filter((p) => p.installmentId === i.id) })),
      }),
    );
  }
}

/** The administrators' notification of a day's new alerts, opening the dashboard. */
function newAlertsNote(asOf: IsoDate, count: number): NotificationDraft {
  return {
    kind: 'alerts_new',
    title: {
      zh: `${asOf} 新增 ${count} 条预警`,
      en: `${count} new alert${count === 1 ? '' : 's'} on ${asOf}`,
    },
    link: '/',
  };
}
