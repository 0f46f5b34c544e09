import { Injectable } from '@nestjs/common';
import type { PlanDto } from '@fleet/shared/contracts';
import { PlanEntity } from '@fleet/server/persistence';
import { ApiException, AuditService, CrudService, type ListSpec } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import type { CreatePlanBody, UpdatePlanBody } from './plan.dto';
import { PlanStore } from './plan.store';

export const PLAN_LIST: ListSpec = {
  resource: 'plans',
  sortable: ['id', 'name', 'monthlyFeeFen', 'termMonths'],
  defaultSort: ['name', 'ASC'],
  filters: {},
  search: ['name'],
};

/** SIM plans: monthly fee in fen and allowances in minutes, KB and messages (settings, never code). */
@Injectable()
export class PlansService extends CrudService<PlanEntity, PlanDto, CreatePlanBody, UpdatePlanBody> {
  constructor(
    private readonly store: PlanStore,
    audit: AuditService,
  ) {
    super(store.dataSource, audit, PlanEntity, PLAN_LIST);
  }

  protected toDto(plan: PlanEntity): PlanDto {
    const { id, name, monthlyFeeFen, voiceMin, nationalKb, apnKb, sms, termMonths } = plan;
    return { id, name, monthlyFeeFen, voiceMin, nationalKb, apnKb, sms, termMonths };
  }

  protected async validate(
    manager: EntityManager,
    values: Partial<PlanEntity>,
    existing: PlanEntity | null,
  ): Promise<void> {
    if (values.name === undefined) return;
    const other = await this.store.withName(manager, values.name);
    if (other && other.id !== existing?.id) {
      throw ApiException.conflict(
        {
          zh: `套餐名称「${values.name}」已存在（编号 ${other.id}）`,
          en: `A plan named ${values.name} already exists (id ${other.id})`,
        },
        'name',
      );
    }
  }
}
