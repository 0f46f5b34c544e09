import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { Actor } from '../auth/access.decorators';
import { ApiException } from '../errors/api.exception';
import { findList } from '../list/find-list';
import type { ListQuery, ListSpec } from '../list/list-query';
import type { ListResult } from '../list/list-result';

export interface WithId {
  id: number;
}

/**
 * Reading a resource per api.md: its list (sort, range, filter, q, exact total) and one record, in
 * the wire form `toDto` gives. Resources that scope what a caller sees (an officer's own) override
 * `listFor` and `getFor`.
 */
export abstract class ReadService<E extends WithId, D> {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly entity: EntityTarget<E>,
    protected readonly spec: ListSpec,
  ) {}

  protected abstract toDto(entity: E): D;

  async list(query: ListQuery): Promise<ListResult<D>> {
    const builder = this.dataSource.getRepository(this.entity).createQueryBuilder('e');
    return (await findList(this.spec.resource, builder, query, this.spec.search)).map((e) => this.toDto(e));
  }

  async get(id: number): Promise<D> {
    return this.toDto(await this.load(this.dataSource.manager, id));
  }

  listFor(_actor: Actor, query: ListQuery): Promise<ListResult<D>> {
    return this.list(query);
  }

  getFor(_actor: Actor, id: number): Promise<D> {
    return this.get(id);
  }

  protected async load(manager: EntityManager, id: number, forUpdate = false): Promise<E> {
    const found = await manager.getRepository(this.entity).findOne({
      where: { id } as never,
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw ApiException.notFound(this.spec.resource, id);
    return found;
  }
}
