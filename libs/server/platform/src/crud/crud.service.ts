import { HttpStatus } from '@nestjs/common';
import { type DataSource, type EntityManager, type EntityTarget, QueryFailedError } from 'typeorm';
import type { Actor } from '../auth/access.decorators';
import type { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';
import type { ListSpec } from '../list/list-query';
import { ReadService, type WithId } from './read.service';

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/**
 * Plain CRUD for a resource: list per api.md, get, create, update and delete, each change written with
 * its audit row in one transaction. Resources add their rules in `validate` (references, uniqueness
 * with a message that names the existing record) and shape their wire form in `toDto`.
 */
export abstract class CrudService<
  E extends WithId,
  D,
  C extends object,
  U extends object = Partial<C>,
> extends ReadService<E, D> {
  protected constructor(
    dataSource: DataSource,
    protected readonly audit: AuditService,
    entity: EntityTarget<E>,
    spec: ListSpec,
  ) {
    super(dataSource, entity, spec);
  }

  /** Checks a create (existing null) or an update before it is written; throws ApiException. */
  protected abstract validate(manager: EntityManager, values: Partial<E>, existing: E | null): Promise<void>;

  /** Runs in the change's transaction after it is saved (sessions ended, further audit rows). */
  protected async afterSave(
    _manager: EntityManager,
    _saved: E,
    _existing: E | null,
    _input: C | U,
    _actor: Actor,
  ): Promise<void> {}

  /** The entity values of a request body; an `id` in the body (react-admin sends one) never changes the key. */
  protected toValues(input: C | U): Partial<E> {
    const { id: _id, ...values } = input as Partial<E>;
    return values as Partial<E>;
  }

  async create(input: C, actor: Actor): Promise<D> {
    return this.write(async (manager) => {
      const values = this.toValues(input);
      await this.validate(manager, values, null);
      const saved = await manager.save(this.entity, manager.create(this.entity, values as E));
      await this.afterSave(manager, saved, null, input, actor);
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
      const previous = { ...existing };
      const values = this.toValues(input);
      await this.validate(manager, values, existing);
      const saved = await manager.save(this.entity, manager.merge(this.entity, existing, values as E));
      await this.afterSave(manager, saved, previous, input, actor);
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
