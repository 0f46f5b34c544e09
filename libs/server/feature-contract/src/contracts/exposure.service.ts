import { Injectable } from '@nestjs/common';
import { chinaDateOf } from '@fleet/domain/inventory';
import { contractExposure } from '@fleet/domain/contract';
import type { ExposureDto } from '@fleet/shared/contracts';
import { LedgerStore, termsOf } from '../shared/ledger.store';
import type { ExposureQuery } from './contract.dto';

/** The exposure of a contract as of a day (today in China by default), computed by the domain rule. */
@Injectable()
export class ExposureService {
  constructor(private readonly store: LedgerStore) {}

  async exposure(query: ExposureQuery, now: Date): Promise<ExposureDto> {
    const contract = await this.store.contract(
      query.contractId === undefined ? undefined : Number(query.contractId),
    );
    const installments = await this.store.installments([contract.id]);
    const asOf = query.asOf ?? chinaDateOf(now);
    const result = contractExposure(termsOf(contract), installments, asOf);
    const seqOf = new Map(installments.map((i) => [i.id, i.seq]));
    return {
      contractId: contract.id,
      ...result,
      items: result.items.map((i) => ({
        installmentId: i.installmentId,
        seq: seqOf.get(i.installmentId)!,
        dueOn: i.dueOn,
        balanceFen: i.balanceFen,
        daysOverdue: i.daysOverdue,
        clause48Fen: i.clause48Fen,
        clause64Fen: i.clause64Fen,
        terminationRight: i.terminationRight,
      })),
    };
  }
}
