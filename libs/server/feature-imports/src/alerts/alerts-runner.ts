import { Inject, Injectable } from '@nestjs/common';
import { contractAlerts } from '@fleet/domain/contract';
import { computeAlerts, type IsoDate } from '@fleet/domain/inventory';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { ContractDeadlinesReader } from '@fleet/server/feature-contract';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { type NotificationDraft, Notifier } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { type AlertKey, AlertStore } from './alert.store';

const keyOf = (a: AlertKey) => `${a.kind}|${a.resource}|${a.resourceId}`;

/**
 * Replaces one day's alerts in one transaction. Rows that stay keep their ids and only changed ones
 * are written, so rerunning a day changes nothing. Devices and SIMs are read through inventory's
 * reader, contracts and installments through the contract ledger's.
 */
@Injectable()
export class AlertsRunner {
  constructor(
    private readonly store: AlertStore,
    private readonly inventory: InventoryLookupReader,
    private readonly contracts: ContractDeadlinesReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifier: Notifier,
  ) {}

  async compute(asOf: IsoDate): Promise<{ asOf: IsoDate; alerts: number }> {
    return this.store.forDay(asOf, async (manager) => {
      const [devices, sims] = await Promise.all([
        this.inventory.devices(manager),
        this.inventory.sims(manager),
      ]);
      const drafts = [
        ...computeAlerts({
          today: asOf,
          contractSignedOn: this.config.contractSignedOn,
          devices,
          sims,
        }),
        ...(await this.contractDeadlines(manager, asOf)),
      ];
      const existing = new Map((await this.store.ofDay(manager, asOf)).map((a) => [keyOf(a), a]));
      const wanted = new Set(drafts.map(keyOf));
      const fresh = await this.newSinceDayBefore(
        manager,
        asOf,
        drafts.filter((d) => !existing.has(keyOf(d))),
      );
      const stale = [...existing.values()].filter((a) => !wanted.has(keyOf(a))).map((a) => a.id);
      await this.store.remove(manager, stale);
      for (const draft of drafts) {
        const old = existing.get(keyOf(draft));
        if (!old) await this.store.add(manager, asOf, draft);
        else if (
          old.dueOn !== draft.dueOn ||
          old.daysLeft !== draft.daysLeft ||
          JSON.stringify(old.details) !== JSON.stringify(draft.details)
        ) {
          await this.store.change(manager, old.id, {
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
    added: readonly AlertKey[],
  ): Promise<number> {
    if (!added.length) return 0;
    const known = new Set((await this.store.ofDayBefore(manager, asOf)).map(keyOf));
    return added.filter((a) => !known.has(keyOf(a))).length;
  }

  /** Installments due or overdue, the end of each contract and its notice deadlines (issue 13). */
  private async contractDeadlines(manager: EntityManager, asOf: IsoDate) {
    return (await this.contracts.contracts(manager)).flatMap(({ id, name, terms, installments }) =>
      contractAlerts({ today: asOf, contract: { id, name, terms }, installments }),
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
