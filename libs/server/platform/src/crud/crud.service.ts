import { HttpStatus } from '@nestjs/common';
import { type DataSource, type EntityManager, type EntityTarget, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/access.decorators';
import type { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';
import { findList } from '../list/find-list';
import type { ListQuery, ListSpec } from '../list/list-query';
import type { ListResult } from '../list/list-result';

interface WithId {
  id: number;
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/**
 * Plain CRUD for a resource: list per api.md, get, create, update and delete, each change written with
 * its audit row in one transaction. Resources add their rules in `validate` (references, uniqueness
 * with a message that names the existing record) and shape their wire form in `toDto`.
 */
export abstract class CrudService<E extends WithId, D, C extends object, U extends object = Partial<C>> {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly audit: AuditService,
    protected readonly entity: EntityTarget<E>,
    protected readonly spec: ListSpec,
  ) {}

  protected abstract toDto(entity: E): D;

  /** Checks a create (existing null) or an update before it is written; throws ApiException. */
  protected abstract validate(manager: EntityManager, values: Partial<E>, existing: E | null): Promise<void>;

  /** The entity values of a request body; an `id` in the body (react-admin sends one) never changes the key. */
  protected toValues(input: C | U): Partial<E> {
    const { id: _id, ...values } = input as Partial<E>;
    return values as Partial<E>;
  }

  async list(query: ListQuery): Promise<ListResult<D>> {
    const builder = this.dataSource.getRepository(this.entity).createQueryBuilder('e');
    return (await findList(this.spec.resource, builder, query, this.spec.search)).map((e) => this.toDto(e));
  }

  async get(id: number): Promise<D> {
    return this.toDto(await this.load(this.dataSource.manager, id));
  }

  /** The list as this caller may see it; resources that scope reads (an officer's own) override it. */
  listFor(_actor: Actor, query: ListQuery): Promise<ListResult<D>> {
    return this.list(query);
  }

  getFor(_actor: Actor, id: number): Promise<D> {
    return this.get(id);
  }

  async create(input: C, actor: Actor): Promise<D> {
    return this.write(async (manager) => {
      const values = this.toValues(input);
      await this.validate(manager, values, null);
      const saved = await manager.save(this.entity, manager.create(this.entity, values as E));
      const after = this.toDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'create',
        resource: this.spec.resource,
        resourceId: saved.id,
        after,
      });
      return after;
    });
  }

  async update(id: number, input: U, actor: Actor): Promise<D> {
    return this.write(async (manager) => {
      const existing = await this.load(manager, id, true);
      const before = this.toDto(existing);
      const values = this.toValues(input);
      await this.validate(manager, values, existing);
      const saved = await manager.save(this.entity, manager.merge(this.entity, existing, values as E));
      const after = this.toDto(saved);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resource: this.spec.resource,
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  async remove(id: number, actor: Actor): Promise<D> {
    return this.write(async (manager) => {
      const existing = await this.load(manager, id, true);
      const before = this.toDto(existing);
      await manager.delete(this.entity, id);
      await this.audit.record(manager, {
        actor,
        action: 'delete',
        resource: this.spec.resource,
        resourceId: id,
        before,
      });
      return before;
    });
  }

  protected async load(manager: EntityManager, id: number, forUpdate = false): Promise<E> {
    const found = await manager.getRepository(this.entity).findOne({
      where: { id } as never,
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw ApiException.notFound(this.spec.resource, id);
    return found;
  }

  /** Runs a change in a transaction; a constraint the checks missed (a race) still answers 409. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      const code =
        error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code === PG_UNIQUE_VIOLATION) {
        throw ApiException.conflict({ zh: '与现有记录重复', en: 'Duplicates an existing record' });
      }
      if (code === PG_FOREIGN_KEY_VIOLATION) {
        throw new ApiException(HttpStatus.CONFLICT, {
          zh: '该记录仍被其他记录引用，或引用的记录不存在',
          en: 'The record is still referenced by others, or refers to a record that does not exist',
        });
      }
      throw error;
    }
  }
}
