import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@fleet/server/persistence';
import { type DataSource, In } from 'typeorm';

/**
 * The platform's users as features name them: who recorded a custody event or a repair step, who
 * uploaded the import that closes a month again. Users are the platform's table (ADR 18).
 */
@Injectable()
export class UserNamesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The usernames of the ids (nulls skipped), by id; an id without a user is left out. */
  async usernames(ids: readonly (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const users = await this.dataSource.manager.findBy(UserEntity, { id: In(wanted) });
    return new Map(users.map((u) => [u.id, u.username]));
  }

  /** The first admin (lowest id), or null when there is none. */
  async firstAdmin(): Promise<{ id: number; username: string } | null> {
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { role: 'admin' },
      order: { id: 'ASC' },
    });
    return user ? { id: user.id, username: user.username } : null;
  }
}
