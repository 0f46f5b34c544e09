import { Injectable } from '@nestjs/common';
import { BillingRulesEntity } from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService, CrudService, type ListSpec } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import type { CreateBillingRulesBody, UpdateBillingRulesBody } from './billing-rules.dto';
import { BillingRulesStore } from './billing-rules.store';

export type BillingRulesDto = Omit<BillingRulesEntity, 'createdAt'> & { createdAt: string };

export const BILLING_RULES_LIST: ListSpec = {
  resource: 'billing-rules',
  sortable: ['id', 'effectiveFrom'],
  defaultSort: ['effectiveFrom', 'DESC'],
  filters: { effectiveFrom: { property: 'effectiveFrom', type: 'string' } },
};

/**
 * Tariff and payer policy versions (§3.5). A version in force for a closed month is fixed: changing
 * it would make a re-close bill that month by other rules, so the admin creates a new version instead.
 */
@Injectable()
export class BillingRulesService extends CrudService<
  BillingRulesEntity,
  BillingRulesDto,
  CreateBillingRulesBody,
  UpdateBillingRulesBody
> {
  constructor(
    private readonly store: BillingRulesStore,
    audit: AuditService,
  ) {
    super(store.dataSource, audit, BillingRulesEntity, BILLING_RULES_LIST);
  }

  protected toDto(rules: BillingRulesEntity): BillingRulesDto {
    return { ...rules, createdAt: rules.createdAt.toISOString() };
  }

  protected async validate(
    manager: EntityManager,
    values: Partial<BillingRulesEntity>,
    existing: BillingRulesEntity | null,
  ): Promise<void> {
    if (existing) await this.refuseIfClosed(manager, existing.effectiveFrom, existing.id);
    if (values.effectiveFrom !== undefined) {
      const same = await this.store.findByStart(manager, values.effectiveFrom);
      if (same && same.id !== existing?.id) {
        throw ApiException.conflict(
          {
            zh: `${values.effectiveFrom} 起的计费规则已存在（编号 ${same.id}）`,
            en: `Billing rules from ${values.effectiveFrom} already exist (id ${same.id})`,
          },
          'effectiveFrom',
        );
      }
      await this.refuseIfClosed(manager, values.effectiveFrom, existing?.id ?? null);
    }
  }

  override async remove(id: number, actor: Actor): Promise<BillingRulesDto> {
    const existing = await this.load(this.dataSource.manager, id);
    await this.refuseIfClosed(this.dataSource.manager, existing.effectiveFrom, id);
    return super.remove(id, actor);
  }

  /** Refuses when a version starting at `from` would be (or is) the one in force for a closed month. */
  private async refuseIfClosed(manager: EntityManager, from: string, selfId: number | null): Promise<void> {
    const next = await this.store.nextAfter(manager, from, selfId);
    const closed = await this.store.firstClosed(manager, from, next?.effectiveFrom);
    if (closed) {
      throw ApiException.conflict(
        {
          zh: `${closed.period} 已结账，其计费规则不能再改；请新建一个从以后月份生效的版本`,
          en: `${closed.period} is closed and its billing rules cannot change; create a version effective from a later month`,
        },
        'effectiveFrom',
      );
    }
  }
}
