import { Injectable } from '@nestjs/common';
import {
  LIABLE_PARTY_LABELS,
  REPAIR_CAUSE_LABELS,
  type LiableParty,
  type RepairCause,
} from '@fleet/domain/repairs';
import type { RepairSummaryGroup, RepairSummaryRowDto, RepeatedFaultDto } from '@fleet/shared/contracts';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { OrgLookupReader } from '@fleet/server/feature-org';
import { ApiException, type Lang } from '@fleet/server/platform';
import { type RepairFigureRow, RepairFiguresStore } from './repair-figures.store';

const NONE: Record<RepairSummaryGroup, { zh: string; en: string }> = {
  cause: { zh: '未诊断', en: 'not diagnosed' },
  payer: { zh: '未认定', en: 'not decided' },
  unit: { zh: '无持有人', en: 'no holder' },
  month: { zh: '—', en: '—' },
};

/**
 * Repair figures for the bureau: counts and costs by cause, payer, the holder's unit or the month
 * reported (cancelled tickets are no repairs), and devices that keep coming back.
 */
@Injectable()
export class RepairReportsService {
  constructor(
    private readonly figures: RepairFiguresStore,
    private readonly inventory: InventoryLookupReader,
    private readonly org: OrgLookupReader,
  ) {}

  async summary(
    groupBy: RepairSummaryGroup,
    from: string | undefined,
    to: string | undefined,
    lang: Lang,
  ): Promise<RepairSummaryRowDto[]> {
    if (from && to && from > to) {
      throw ApiException.badRequest([
        { field: 'to', reason: { zh: '结束月份不能早于开始月份', en: 'to must not be before from' } },
      ]);
    }
    const rows: (RepairFigureRow & { unitName?: string })[] =
      groupBy === 'unit' ? await this.byUnit(from, to) : await this.figures.summary(groupBy, from, to);
    return rows.map((r) => ({
      key: r.key,
      label: this.label(groupBy, r.key, r.unitName ?? null, lang),
      tickets: r.tickets,
      costFen: r.costFen,
      officerFen: r.officerFen,
      bureauFen: r.bureauFen,
    }));
  }

  /** The figures by holder, summed by the holder's unit (org's); no holder is 'none'. Ordered by key. */
  private async byUnit(
    from: string | undefined,
    to: string | undefined,
  ): Promise<(RepairFigureRow & { unitName?: string })[]> {
    const byHolder = await this.figures.summary('holder', from, to);
    const units = await this.org.unitsOf(byHolder.filter((r) => r.key !== 'none').map((r) => Number(r.key)));
    const byUnit = new Map<string, RepairFigureRow & { unitName?: string }>();
    for (const row of byHolder) {
      const unit = row.key === 'none' ? undefined : units.get(Number(row.key));
      const key = unit ? String(unit.unitId) : 'none';
      const sum = byUnit.get(key) ?? {
        key,
        unitName: unit?.unitName,
        tickets: 0,
        costFen: 0,
        officerFen: 0,
        bureauFen: 0,
      };
      sum.tickets += row.tickets;
      sum.costFen += row.costFen;
      sum.officerFen += row.officerFen;
      sum.bureauFen += row.bureauFen;
      byUnit.set(key, sum);
    }
    return [...byUnit.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Devices with at least `minTickets` tickets reported in the last `months` months, most first. */
  async repeated(minTickets: number, months: number, now: Date): Promise<RepeatedFaultDto[]> {
    const rows = await this.figures.repeated(minTickets, months, now);
    const imeis = await this.inventory.imeis(rows.map((r) => r.deviceId));
    return rows.map((r) => ({
      deviceId: r.deviceId,
      imei: imeis.get(r.deviceId) ?? '',
      tickets: r.tickets,
      lastReportedAt: r.last.toISOString(),
      causes: r.causes,
    }));
  }

  private label(groupBy: RepairSummaryGroup, key: string, unitName: string | null, lang: Lang): string {
    if (key === 'none') return NONE[groupBy][lang];
    switch (groupBy) {
      case 'cause':
        return REPAIR_CAUSE_LABELS[key as RepairCause]?.[lang] ?? key;
      case 'payer':
        return LIABLE_PARTY_LABELS[key as LiableParty]?.[lang] ?? key;
      case 'unit':
        return unitName ?? key;
      case 'month':
        return key;
    }
  }
}
