import { Injectable } from '@nestjs/common';
import { chinaDateOf } from '@fleet/domain/inventory';
import { OPEN_REPAIR_STATUSES } from '@fleet/domain/repairs';
import type { OpenRepairsByAgeDto } from '@fleet/shared/contracts';
import { RepairFiguresStore } from './repair-figures.store';

/** Days since reported at which the dashboard's buckets start (the last has no end). */
const AGE_BUCKETS = [0, 3, 7, 14, 30] as const;

/** Open repair tickets by age (days since reported, China dates) and by status: one query each. */
@Injectable()
export class OpenRepairsService {
  constructor(private readonly figures: RepairFiguresStore) {}

  async byAge(now: Date): Promise<OpenRepairsByAgeDto> {
    const asOf = chinaDateOf(now);
    const open = [...OPEN_REPAIR_STATUSES];
    const ages = await this.figures.openByAge(asOf, open, AGE_BUCKETS);
    const statuses = await this.figures.openByStatus(open);
    return {
      asOf,
      // width_bucket numbers the buckets from 1; a ticket dated after today (clock skew) falls in 0.
      buckets: AGE_BUCKETS.map((fromDays, i) => ({
        fromDays,
        toDays: AGE_BUCKETS[i + 1] ?? null,
        count: ages
          .filter((a) => Math.max(1, a.bucket) === i + 1)
          .reduce((sum, a) => sum + Number(a.count), 0),
      })),
      byStatus: open.map((status) => ({
        status,
        count: Number(statuses.find((s) => s.status === status)?.count ?? 0),
      })),
    };
  }
}
