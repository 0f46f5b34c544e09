import { Injectable } from '@nestjs/common';
import type { ApnProfileDto } from '@fleet/shared/contracts';
import { ApnProfileEntity } from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService, CrudService, type ListSpec } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { SimCardStore } from '../sim-cards/sim-card.store';
import type { CreateApnProfileBody, UpdateApnProfileBody } from './apn-profile.dto';
import { ApnProfileStore } from './apn-profile.store';

export const APN_PROFILE_LIST: ListSpec = {
  resource: 'apn-profiles',
  sortable: ['id', 'name', 'apn'],
  defaultSort: ['name', 'ASC'],
  filters: { apn: { property: 'apn', type: 'string' } },
  search: ['name', 'apn', 'description'],
};

/** APN profiles: the private access point that routes to the police intranet. */
@Injectable()
export class ApnProfilesService extends CrudService<
  ApnProfileEntity,
  ApnProfileDto,
  CreateApnProfileBody,
  UpdateApnProfileBody
> {
  constructor(
    private readonly store: ApnProfileStore,
    private readonly sims: SimCardStore,
    audit: AuditService,
  ) {
    super(store.dataSource, audit, ApnProfileEntity, APN_PROFILE_LIST);
  }

  protected toDto(profile: ApnProfileEntity): ApnProfileDto {
    const { id, name, apn, description } = profile;
    return { id, name, apn, description };
  }

  protected async validate(
    manager: EntityManager,
    values: Partial<ApnProfileEntity>,
    existing: ApnProfileEntity | null,
  ): Promise<void> {
    for (const field of ['name', 'apn'] as const) {
      const value = values[field];
      if (value === undefined) continue;
      const other = await this.store.withValue(manager, field, value);
      if (other && other.id !== existing?.id) {
        throw ApiException.conflict(
          {
            zh: `${value} 已用于 APN 配置「${other.name}」（编号 ${other.id}）`,
            en: `${value} is already used by APN profile ${other.name} (id ${other.id})`,
          },
          field,
        );
      }
    }
  }

  override async remove(id: number, actor: Actor): Promise<ApnProfileDto> {
    const used = await this.sims.countWithApnProfile(id);
    if (used > 0) {
      throw ApiException.conflict({
        zh: `该 APN 配置仍被 ${used} 张号卡使用，不能删除`,
        en: `${used} SIM card(s) still use this APN profile; it cannot be deleted`,
      });
    }
    return super.remove(id, actor);
  }
}
