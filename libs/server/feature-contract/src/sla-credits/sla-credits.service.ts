import { Injectable } from '@nestjs/common';
import { type SlaCredit, slaCredits } from '@fleet/domain/contract';
import type { SlaCreditDto, SlaCreditTotalDto } from '@fleet/shared/contracts';
import { InventoryLookupReader } from '@fleet/server/feature-inventory';
import { ApiException, type ListQuery, type ListResult, type ListSpec } from '@fleet/server/platform';
import { listInMemory } from '../shared/in-memory-list';
import { LedgerStore, termsOf } from '../shared/ledger.store';

export const SLA_CREDIT_LIST: ListSpec = {
  resource: 'sla-credits',
  sortable: ['day', 'simId', 'amountFen', 'reason'],
  defaultSort: ['day', 'ASC'],
  filters: {
    period: { property: 'period', type: 'string' },
    simId: { property: 'simId', type: 'int' },
    reason: { property: 'reason', type: 'string' },
    contractId: { property: 'contractId', type: 'int' },
  },
};

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * SLA credits (clause 6.3): computed from the outages that count whenever they are asked for, so they
 * change as soon as an outage is recorded, corrected or voided. Never stored, never twice.
 */
@Injectable()
export class SlaCreditsService {
  constructor(
    private readonly store: LedgerStore,
    private readonly inventory: InventoryLookupReader,
  ) {}

  /** One month's credits of a contract (the latest by default). */
  async credits(
    period: string,
    contractId?: number,
  ): Promise<{ credits: SlaCredit[]; msisdns: Map<number, string> }> {
    if (!PERIOD.test(period)) {
      throw ApiException.badRequest([
        { field: 'period', reason: { zh: '月份应为 YYYY-MM', en: 'must be a month YYYY-MM' } },
      ]);
    }
    const contract = await this.store.contract(contractId);
    // The SIMs under the contract: every SIM card the bureau holds (one contract covers them all today).
    const [sims, outages] = await Promise.all([this.inventory.simNumbers(), this.store.outages(contract.id)]);
    return {
      credits: slaCredits({ period, terms: termsOf(contract), simIds: sims.map((s) => s.id), outages }),
      msisdns: new Map(sims.map((s) => [s.id, s.msisdn])),
    };
  }

  async list(query: ListQuery): Promise<ListResult<SlaCreditDto>> {
    const value = (key: string) => query.filters.find((f) => f.spec.property === key)?.value;
    const period = value('period');
    if (typeof period !== 'string') {
      throw ApiException.badRequest([
        {
          field: 'filter.period',
          reason: {
            zh: '请给出月份：filter={"period":"YYYY-MM"}',
            en: 'give the month: filter={"period":"YYYY-MM"}',
          },
        },
      ]);
    }
    const contractId = value('contractId') as number | undefined;
    const { credits, msisdns } = await this.credits(period, contractId);
    const rows = credits.map((c) => ({
      id: `${c.simId}-${c.day}`,
      ...c,
      msisdn: msisdns.get(c.simId) ?? null,
      period,
      contractId,
    }));
    const rest = {
      ...query,
      filters: query.filters.filter((f) => !['period', 'contractId'].includes(f.spec.property)),
      ids: null,
    };
    return listInMemory('sla-credits', rows, rest).map(
      ({ id, simId, msisdn, day, amountFen, reason, outageIds }) => ({
        id,
        simId,
        msisdn,
        day,
        amountFen,
        reason,
        outageIds,
      }),
    );
  }

  /** The month's credits in total, for the bill check. */
  async total(period: string): Promise<SlaCreditTotalDto> {
    const { credits } = await this.credits(period);
    return {
      period,
      totalFen: credits.reduce((s, c) => s + c.amountFen, 0),
      days: credits.length,
      sims: new Set(credits.map((c) => c.simId)).size,
    };
  }

  /** The credits of every month from one to another, summed (for an invoice's period). */
  async totalOver(contractId: number, fromPeriod: string, toPeriod: string): Promise<number> {
    let sum = 0;
    for (let p = fromPeriod; p <= toPeriod; p = nextPeriod(p)) {
      sum += (await this.credits(p, contractId)).credits.reduce((s, c) => s + c.amountFen, 0);
    }
    return sum;
  }
}

function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
