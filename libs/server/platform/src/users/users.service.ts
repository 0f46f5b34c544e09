import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserDto } from '@fleet/shared/contracts';
import { APP_CONFIG, type AppConfig } from '@fleet/server/config';
import { OfficerEntity, UserEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/access.decorators';
import { toUserDto } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { AuditService } from '../audit/audit.service';
import { CrudService } from '../crud/crud.service';
import { ApiException } from '../errors/api.exception';
import type { ListSpec } from '../list/list-query';
import type { CreateUserBody, UpdateUserBody } from './user.dto';

export const USER_LIST: ListSpec = {
  resource: 'users',
  sortable: ['id', 'username', 'role'],
  defaultSort: ['username', 'ASC'],
  filters: {
    role: { property: 'role', type: 'string' },
    disabled: { property: 'disabled', type: 'boolean' },
    officerId: { property: 'officerId', type: 'int' },
  },
  search: ['username'],
};

type UserValues = Partial<UserEntity> & { password?: string };

@Injectable()
export class UsersService extends CrudService<UserEntity, UserDto, CreateUserBody, UpdateUserBody> {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, audit, UserEntity, USER_LIST);
  }

  protected toDto(user: UserEntity): UserDto {
    return toUserDto(user);
  }

  protected async validate(
    manager: EntityManager,
    values: UserValues,
    existing: UserEntity | null,
  ): Promise<void> {
    if (values.password) {
      values.passwordHash = await hashPassword(values.password);
      delete values.password;
    }
    const username = values.username ?? existing?.username;
    const clash = await manager.findOneBy(UserEntity, { username });
    if (clash && clash.id !== existing?.id) {
      throw ApiException.conflict(
        { zh: `用户名已存在：${username}`, en: `Username already taken: ${username}` },
        'username',
      );
    }
    const role = values.role ?? existing?.role;
    const officerId = values.officerId !== undefined ? values.officerId : (existing?.officerId ?? null);
    if (role === 'officer' && !officerId) {
      throw ApiException.badRequest([
        {
          field: 'officerId',
          reason: {
            zh: '警员角色的账号必须关联一名警员',
            en: 'An officer login must be linked to an officer',
          },
        },
      ]);
    }
    if (officerId) {
      if (!(await manager.existsBy(OfficerEntity, { id: officerId }))) {
        throw ApiException.badRequest([
          { field: 'officerId', reason: { zh: '警员不存在', en: 'No such officer' } },
        ]);
      }
      const linked = await manager.findOneBy(UserEntity, { officerId });
      if (linked && linked.id !== existing?.id) {
        throw ApiException.conflict(
          {
            zh: `该警员已有账号：${linked.username}`,
            en: `That officer already has a login: ${linked.username}`,
          },
          'officerId',
        );
      }
    }
  }

  /** An admin cannot delete or disable their own login, so the bureau is never locked out by accident. */
  override async update(id: number, input: UpdateUserBody, actor: Actor): Promise<UserDto> {
    if (id === actor.userId && (input.disabled || (input.role && input.role !== 'admin')))
      throw selfLockout();
    return super.update(id, input, actor);
  }

  override async remove(id: number, actor: Actor): Promise<UserDto> {
    if (id === actor.userId) throw selfLockout();
    return super.remove(id, actor);
  }

  /** Creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD when the database has no admin yet. */
  async bootstrapAdmin(): Promise<void> {
    const bootstrap = this.config.adminBootstrap;
    if (!bootstrap) return;
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(UserEntity, { role: 'admin' })) return;
      const admin = await manager.save(
        manager.create(UserEntity, {
          username: bootstrap.username,
          passwordHash: await hashPassword(bootstrap.password),
          role: 'admin',
        }),
      );
      await this.audit.record(manager, {
        actor: null,
        action: 'create',
        resource: 'users',
        resourceId: admin.id,
        after: { ...toUserDto(admin), source: 'ADMIN_USERNAME' },
      });
      this.logger.log(`Created the first admin: ${admin.username}`);
    });
  }
}

function selfLockout(): ApiException {
  return new ApiException(HttpStatus.CONFLICT, {
    zh: '不能停用、降级或删除自己的管理员账号',
    en: 'You cannot disable, demote or delete your own admin login',
  });
}
