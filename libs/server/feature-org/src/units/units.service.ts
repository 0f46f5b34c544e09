import { HttpStatus, Injectable } from '@nestjs/common';
import type { UnitDto } from '@fleet/shared/contracts';
import { UnitEntity } from '@fleet/server/persistence';
import { type Actor, ApiException, AuditService, CrudService, type ListSpec } from '@fleet/server/platform';
import type { EntityManager } from 'typeorm';
import { OfficerStore } from '../officers/officer.store';
import { OrgLookupReader } from '../org-lookup.reader';
import type { CreateUnitBody, UpdateUnitBody } from './unit.dto';
import { UnitStore } from './unit.store';

export const UNIT_LIST: ListSpec = {
  resource: 'units',
  sortable: ['id', 'name', 'parentId'],
  defaultSort: ['id', 'ASC'],
  filters: { parentId: { property: 'parentId', type: 'int' } },
  search: ['name'],
};

/** The bureau's unit tree: names unique among siblings, no cycles, no deleting a unit in use. */
@Injectable()
export class UnitsService extends CrudService<UnitEntity, UnitDto, CreateUnitBody, UpdateUnitBody> {
  constructor(
    private readonly store: UnitStore,
    private readonly org: OrgLookupReader,
    private readonly officers: OfficerStore,
    audit: AuditService,
  ) {
    super(store.dataSource, audit, UnitEntity, UNIT_LIST);
  }

  protected toDto(unit: UnitEntity): UnitDto {
    return { id: unit.id, name: unit.name, parentId: unit.parentId };
  }

  protected async validate(manager: EntityManager, values: Partial<UnitEntity>, existing: UnitEntity | null) {
    const name = values.name?.trim() ?? existing?.name ?? '';
    if (values.name !== undefined) values.name = name;
    const parentId = values.parentId !== undefined ? (values.parentId ?? null) : (existing?.parentId ?? null);
    if (parentId !== null) {
      if (!(await this.org.unitExists(parentId, manager))) {
        throw ApiException.badRequest([
          { field: 'parentId', reason: { zh: '上级单位不存在', en: 'No such parent unit' } },
        ]);
      }
      if (existing && (await this.store.isSelfOrDescendant(manager, parentId, existing.id))) {
        throw ApiException.badRequest([
          {
            field: 'parentId',
            reason: {
              zh: '上级单位不能是本单位或其下级',
              en: 'A unit cannot be placed under itself or its own sub-unit',
            },
          },
        ]);
      }
    }
    const sibling = await this.store.named(manager, name, parentId);
    if (sibling && sibling.id !== existing?.id) {
      throw ApiException.conflict(
        {
          zh: `同一上级下已有单位「${name}」（编号 ${sibling.id}）`,
          en: `A unit named ${name} already exists there (id ${sibling.id})`,
        },
        'name',
      );
    }
  }

  override async remove(id: number, actor: Actor): Promise<UnitDto> {
    const [children, officers] = await Promise.all([
      this.store.countChildren(id),
      this.officers.countInUnit(id),
    ]);
    if (children || officers) {
      throw new ApiException(HttpStatus.CONFLICT, {
        zh: `该单位下还有 ${children} 个下级单位、${officers} 名警员，不能删除`,
        en: `The unit still has ${children} sub-unit(s) and ${officers} officer(s): it cannot be deleted`,
      });
    }
    return super.remove(id, actor);
  }
}
