// A month of usage for the demo: every SIM's totals for the month before `today` (China time), as a
// monthly summary would give them, some over the plan's allowance, so a demo admin can close the
// month and see statements. Deterministic: the same SIMs get the same figures on every machine.
import { addMonths, chinaDateOf } from '@fleet/domain/inventory';
import { DeviceEntity, MonthlyUsageEntity, SimCardEntity } from '@fleet/server/persistence';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';

const MB = 1024;

/** A small deterministic generator (mulberry32), integers only. */
function generator(seed: number): (min: number, max: number) => number {
  let state = seed >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) % 1_000_000;
    return min + Math.floor((unit * (max - min + 1)) / 1_000_000);
  };
}

/** Seeds the previous month's totals for every SIM; returns that month (YYYY-MM). */
export async function seedUsageMonth(manager: EntityManager, today: Date = new Date()): Promise<string> {
  const period = addMonths(`${chinaDateOf(today).slice(0, 7)}-01`, -1).slice(0, 7);
  const sims = await manager.find(SimCardEntity, { order: { id: 'ASC' } });
  const next = generator(20260101);
  const rows = sims.map((sim) =>
    manager.create(MonthlyUsageEntity, {
      simId: sim.id,
      period,
      // Around the plan's 1,500 min, 100 SMS, 20 GB national and 50 GB APN: a few SIMs go over.
      voiceMin: next(300, 1_700),
      sms: next(10, 120),
      nationalKb: next(4_000, 22_000) * MB,
      apnKb: next(10_000, 53_000) * MB,
      source: 'summary',
      importId: null,
      carrierOverageFen: null,
      outsidePlan: false,
    }),
  );
  await manager.save(rows, { chunk: 100 });
  return period;
}

/** How far back the demo officer's own history goes: the year their usage chart shows. */
export const HISTORY_MONTHS = 12;

/**
 * The demo officer's year: usage for each SIM of the device(s) they hold in the 11 months before last
 * month (which `seedUsageMonth` fills for every SIM), so their usage chart has a history. The month
 * before last runs over the voice and SMS allowances: the seed closes it, so the officer has a
 * statement to acknowledge or dispute. Returns that month (YYYY-MM).
 */
export async function seedOfficerHistory(
  manager: EntityManager,
  officerId: number,
  today: Date = new Date(),
): Promise<string> {
  const thisMonth = `${chinaDateOf(today).slice(0, 7)}-01`;
  const devices = await manager.find(DeviceEntity, { where: { currentOfficerId: officerId } });
  const sims = await manager.find(SimCardEntity, {
    where: { deviceId: In(devices.map((d) => d.id)) },
    order: { id: 'ASC' },
  });
  const next = generator(20251201);
  const rows = [];
  for (let back = HISTORY_MONTHS; back >= 2; back--) {
    const period = addMonths(thisMonth, -back).slice(0, 7);
    for (const [i, sim] of sims.entries()) {
      const closed = back === 2 && i === 0;
      rows.push(
        manager.create(MonthlyUsageEntity, {
          simId: sim.id,
          period,
          voiceMin: closed ? 1_760 : next(600, 1_450),
          sms: closed ? 128 : next(20, 95),
          nationalKb: next(6_000, 19_000) * MB,
          apnKb: next(15_000, 48_000) * MB,
          source: 'summary',
          importId: null,
          carrierOverageFen: null,
          outsidePlan: false,
        }),
      );
    }
  }
  await manager.save(rows, { chunk: 100 });
  return addMonths(thisMonth, -2).slice(0, 7);
}
