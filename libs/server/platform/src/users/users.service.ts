import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADMINISTRATOR_ROLES, type Role, type UserDto } from '@fleet/shared/contracts';
import { APP_CONFIG, type AppConfig, Clock } from '@fleet/server/config';
import { OfficerEntity, UserEntity } from '@fleet/server/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/access.decorators';
import { passwordFieldErrors, toUserDto } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { SessionService } from '../auth/session.service';
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

const ADMINISTRATOR_NAMES = {
  admin: { zh: '系统管理员', en: 'system administrator' },
  secadmin: { zh: '安全管理员', en: 'security administrator' },
  auditadmin: { zh: '审计管理员', en: 'audit administrator' },
};

const isAdministrator = (role: Role | undefined) =>
  role !== undefined && (ADMINISTRATOR_ROLES as readonly Role[]).includes(role);

/**
 * Accounts, managed by the security administrator (secadmin). A password set here is the account's
 * initial one: the user must change it at the next login. A new password, role, officer link or a
 * disable ends the account's sessions at once. The three administrators (三员) never share an account:
 * an administrator's role is fixed at creation and no account becomes one later.
 */
@Injectable()
export class UsersService extends CrudService<UserEntity, UserDto, CreateUserBody, UpdateUserBody> {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
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
    const username = values.username ?? existing?.username;
    if (values.password !== undefined) {
      const weak = passwordFieldErrors('password', values.password, username ?? null);
      if (weak) throw weak;
      values.passwordHash = await hashPassword(values.password);
      values.mustChangePassword = true;
      values.passwordChangedAt = this.clock.now();
      delete values.password;
    }
    const clash = await manager.findOneBy(UserEntity, { username });
    if (clash && clash.id !== existing?.id) {
      throw ApiException.conflict(
        { zh: `用户名已存在：${username}`, en: `Username already taken: ${username}` },
        'username',
      );
    }
    const role = values.role ?? existing?.role;
    if (existing && values.role && values.role !== existing.role) {
      if (isAdministrator(existing.role) || isAdministrator(values.role)) {
        throw ApiException.badRequest([
          {
            field: 'role',
            reason: {
              zh: '系统管理员、安全管理员和审计管理员的角色在创建时确定，不能改为或改自其他角色（三员分立）',
              en: 'The roles of the three administrators are fixed when the account is created (separation of duties)',
            },
          },
        ]);
      }
    }
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
    if (role !== 'officer' && officerId) {
      throw ApiException.badRequest([
        {
          field: 'officerId',
          reason: {
            zh: '只有警员角色的账号可以关联警员',
            en: 'Only an officer login may be linked to an officer',
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

  /** A reset password or a changed account ends the account's sessions, audited with what changed. */
  protected override async afterSave(
    manager: EntityManager,
    saved: UserEntity,
    existing: UserEntity | null,
    input: CreateUserBody | UpdateUserBody,
    actor: Actor,
  ): Promise<void> {
    if (!existing) return;
    const now = this.clock.now();
    const reset = input.password !== undefined;
    const changed = (['role', 'officerId', 'disabled'] as const).filter((k) => saved[k] !== existing[k]);
    if (!reset && !changed.length) return;
    const ended = await this.sessions.end(
      manager,
      { userId: saved.id },
      reset ? 'password_change' : 'account_change',
      now,
    );
    await this.audit.record(manager, {
      actor,
      action: reset ? 'password_change' : 'sessions_revoked',
      resource: 'users',
      resourceId: saved.id,
      after: {
        ...(reset ? { changed: true, by: 'secadmin', mustChange: true } : {}),
        changed,
        sessionsEnded: ended,
      },
    });
  }

  /**
   * Nobody disables, re-roles or deletes their own login, and the last working account of each of the
   * three administrators stays, so the bureau is never locked out of a duty by accident.
   */
  override async update(id: number, input: UpdateUserBody, actor: Actor): Promise<UserDto> {
    if (id === actor.userId && (input.disabled || (input.role && input.role !== actor.role)))
      throw selfLockout();
    if (input.disabled) await this.keepLastAdministrator(id);
    return super.update(id, input, actor);
  }

  override async remove(id: number, actor: Actor): Promise<UserDto> {
    if (id === actor.userId) throw selfLockout();
    await this.keepLastAdministrator(id);
    return super.remove(id, actor);
  }

  private async keepLastAdministrator(id: number): Promise<void> {
    const users = this.dataSource.getRepository(UserEntity);
    const target = await users.findOneBy({ id });
    if (!target || target.disabled || !isAdministrator(target.role)) return;
    if ((await users.countBy({ role: target.role, disabled: false })) > 1) return;
    throw new ApiException(HttpStatus.CONFLICT, {
      zh: `这是最后一个可用的${ADMINISTRATOR_NAMES[target.role as keyof typeof ADMINISTRATOR_NAMES].zh}账号，不能停用或删除`,
      en: `This is the last working ${ADMINISTRATOR_NAMES[target.role as keyof typeof ADMINISTRATOR_NAMES].en} login: it cannot be disabled or deleted`,
    });
  }

  /** Ends every session of an account (the security administrator's "log this user out everywhere"). */
  async endSessions(id: number, actor: Actor): Promise<{ sessionsEnded: number }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(UserEntity, { id }))) throw ApiException.notFound('users', id);
      const ended = await this.sessions.end(manager, { userId: id }, 'revoked_by_secadmin', this.clock.now());
      await this.audit.record(manager, {
        actor,
        action: 'sessions_revoked',
        resource: 'users',
        resourceId: id,
        after: { sessionsEnded: ended },
      });
      return { sessionsEnded: ended };
    });
  }

  /**
   * Creates the first account of each administrator role (ADMIN_*, SECADMIN_*, AUDITADMIN_*) when the
   * database has none of that role. Its password is an initial one, changed at the first login.
   */
  async bootstrapAdministrators(): Promise<void> {
    for (const account of this.config.bootstrap) {
      await this.dataSource.transaction(async (manager) => {
        if (await manager.existsBy(UserEntity, { role: account.role })) return;
        if (await manager.existsBy(UserEntity, { username: account.username })) {
          this.logger.warn(`Not creating ${account.role} ${account.username}: the username is taken`);
          return;
        }
        const user = await manager.save(
          manager.create(UserEntity, {
            username: account.username,
            passwordHash: await hashPassword(account.password),
            role: account.role,
            mustChangePassword: true,
            passwordChangedAt: this.clock.now(),
          }),
        );
        await this.audit.record(manager, {
          actor: null,
          action: 'create',
          resource: 'users',
          resourceId: user.id,
          after: { ...toUserDto(user), source: `${account.role.toUpperCase()}_USERNAME` },
        });
        this.logger.log(`Created the first ${account.role}: ${user.username}`);
      });
    }
  }
}

function selfLockout(): ApiException {
  return new ApiException(HttpStatus.CONFLICT, {
    zh: '不能停用、更改角色或删除自己的账号',
    en: 'You cannot disable, re-role or delete your own login',
  });
}
