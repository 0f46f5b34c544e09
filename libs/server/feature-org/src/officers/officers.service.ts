import { Injectable } from '@nestjs/common';
import type { OfficerDto } from '@fleet/shared/contracts';
import { OfficerEntity } from '@fleet/server/persistence';
import {
  type Actor,
  ApiException,
  AuditService,
  CrudService,
  type ListQuery,
  type ListResult,
  type ListSpec,
} from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { OrgLookupReader } from '../org-lookup.reader';
import type { CreateOfficerBody, UpdateOfficerBody } from './officer.dto';
import { OfficerStore } from './officer.store';

export const OFFICER_LIST: ListSpec = {
  resource: 'officers',
  sortable: ['id', 'badgeNo', 'name', 'unitId', 'status'],
  defaultSort: ['badgeNo', 'ASC'],
  filters: {
    unitId: { property: 'unitId', type: 'int' },
    status: { property: 'status', type: 'string' },
    badgeNo: { property: 'badgeNo', type: 'string' },
  },
  search: ['name', 'badgeNo', 'mobile'],
};

/** Officers (警员). An officer's own login sees only their own record; others answer 404. */
@Injectable()
export class OfficersService extends CrudService<
  OfficerEntity,
  OfficerDto,
  CreateOfficerBody,
  UpdateOfficerBody
> {
  constructor(
    private readonly store: OfficerStore,
    private readonly org: OrgLookupReader,
    audit: AuditService,
  ) {
    super(store.dataSource, audit, OfficerEntity, OFFICER_LIST);
  }

  protected toDto(officer: OfficerEntity): OfficerDto {
    const { id, badgeNo, name, unitId, mobile, status } = officer;
    return { id, badgeNo, name, unitId, mobile, status };
  }

  protected async validate(
    manager: EntityManager,
    values: Partial<OfficerEntity>,
    existing: OfficerEntity | null,
  ) {
    if (values.unitId !== undefined && !(await this.org.unitExists(values.unitId, manager))) {
      throw ApiException.badRequest([{ field: 'unitId', reason: { zh: '单位不存在', en: 'No such unit' } }]);
    }
    if (values.badgeNo !== undefined) {
      const holder = await this.store.withBadge(manager, values.badgeNo);
      if (holder && holder.id !== existing?.id) {
        throw ApiException.conflict(
          {
            zh: `警号 ${values.badgeNo} 已被警员「${holder.name}」（编号 ${holder.id}）使用`,
            en: `Badge number ${values.badgeNo} already belongs to ${holder.name} (id ${holder.id})`,
          },
          'badgeNo',
        );
      }
    }
  }

  override listFor(actor: Actor, query: ListQuery): Promise<ListResult<OfficerDto>> {
    return this.list(actor.role === 'officer' ? { ...query, ids: ownOnly(actor, query.ids) } : query);
  }

  override async getFor(actor: Actor, id: number): Promise<OfficerDto> {
    if (actor.role === 'officer' && actor.officerId !== id) throw ApiException.notFound('officers', id);
    return this.get(id);
  }
}

/** An officer's list is their own record, and only if the filter asked for it (or for no ids). */
function ownOnly(actor: Actor, ids: number[] | null): number[] {
  const own = actor.officerId ?? -1;
  return !ids || ids.includes(own) ? [own] : [];
}
