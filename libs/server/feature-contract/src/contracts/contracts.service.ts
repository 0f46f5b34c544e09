import { Injectable } from '@nestjs/common';
import {
  checkContractTerms,
  contractEndOn,
  contractTotalFen,
  installmentSchedule,
  noticeDeadlines,
  terminationClaimFen,
} from '@fleet/domain/contract';
import type { ContractDto } from '@fleet/shared/contracts';
import { ContractEntity } from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService, type ListSpec, ReadService } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { termsOf } from '../shared/ledger.store';
import { ContractStore } from './contract.store';
import type { ContractBody, ContractUpdateBody } from './contract.dto';

export const CONTRACT_LIST: ListSpec = {
  resource: 'contracts',
  sortable: ['id', 'name', 'signedOn', 'startsOn'],
  defaultSort: ['startsOn', 'DESC'],
  filters: {},
  search: ['name', 'carrier'],
};

const SCHEDULE_FIELDS = [
  'installmentFen',
  'installmentCount',
  'firstDueOn',
  'installmentIntervalMonths',
] as const;

export function contractDto(c: ContractEntity): ContractDto {
  const terms = termsOf(c);
  const { id, name, bureau, carrier, signedOn } = c;
  return {
    id,
    name,
    bureau,
    carrier,
    signedOn,
    ...terms,
    totalFen: contractTotalFen(terms),
    endsOn: contractEndOn(terms),
    terminationClaimFen: terminationClaimFen(terms),
    ...noticeDeadlines(terms),
  };
}

/**
 * The contract as data: admins record and correct it (audited); its installments follow from the schedule
 * and are laid out again when the schedule changes, as long as nothing has been paid on them.
 */
@Injectable()
export class ContractsService extends ReadService<ContractEntity, ContractDto> {
  constructor(
    private readonly store: ContractStore,
    private readonly audit: AuditService,
  ) {
    super(store.dataSource, ContractEntity, CONTRACT_LIST);
  }

  protected toDto(row: ContractEntity): ContractDto {
    return contractDto(row);
  }

  async create(body: ContractBody, actor: Actor): Promise<ContractDto> {
    return this.store.transaction(async (manager) => {
      await this.checkName(manager, body.name, null);
      const entity = this.store.build(manager, body);
      this.checkTerms(entity);
      const saved = await this.store.save(manager, entity);
      await this.layOut(manager, saved);
      const after = contractDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: 'contracts',
        resourceId: saved.id,
        after,
      });
      return after;
    });
  }

  async update(id: number, body: ContractUpdateBody, actor: Actor): Promise<ContractDto> {
    return this.store.transaction(async (manager) => {
      const existing = await this.load(manager, id, true);
      const before = contractDto(existing);
      const { id: _id, ...values } = body;
      if (values.name !== undefined) await this.checkName(manager, values.name, id);
      const merged = Object.assign(existing, values);
      this.checkTerms(merged);
      const scheduleChanged = SCHEDULE_FIELDS.some((f) => before[f] !== merged[f]);
      const saved = await this.store.save(manager, merged);
      if (scheduleChanged) {
        const paid = await this.store.paymentCount(manager, id);
        if (paid > 0) {
          throw ApiException.conflict(
            {
              zh: `已有 ${paid} 笔付款记录，不能再改付款计划（分期金额、期数、首期日、间隔）`,
              en: `${paid} payments are recorded: the schedule (installment, count, first due date, interval) can no longer change`,
            },
            SCHEDULE_FIELDS.find((f) => before[f] !== merged[f]),
          );
        }
        await this.layOut(manager, saved);
      }
      const after = contractDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: 'contracts',
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  private checkTerms(contract: ContractEntity): void {
    const problems = checkContractTerms(termsOf(contract));
    if (problems.length) throw ApiException.badRequest(problems);
  }

  private async checkName(manager: EntityManager, name: string, id: number | null): Promise<void> {
    const other = await this.store.byName(manager, name);
    if (other && other.id !== id) {
      throw ApiException.conflict(
        {
          zh: `合同「${name}」已存在（编号 ${other.id}）`,
          en: `A contract named ${name} already exists (id ${other.id})`,
        },
        'name',
      );
    }
  }

  private async layOut(manager: EntityManager, contract: ContractEntity): Promise<void> {
    await this.store.layOut(manager, contract.id, installmentSchedule(termsOf(contract)));
  }
}
