import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AUDIT_ACTION_LABELS, ROLE_LABELS } from '@fleet/shared/contracts';
import { AuditLogEntity, UserEntity } from '@fleet/server/persistence';
import type { DataSource } from 'typeorm';
import { AUDIT_LOG_LIST } from '../audit/audit.controller';
import { findList } from '../list/find-list';
import { USER_LIST, UsersService } from '../users/users.service';
import { entityNames } from './entity-names';
import { EXPORT_LOOKUPS, ExportRegistry, referenceColumns } from './export.registry';

/** The platform's own exportable lists: users and the audit log (users for the security administrator, the audit log for the audit administrator). */
@Injectable()
export class PlatformExports implements OnModuleInit {
  constructor(
    private readonly registry: ExportRegistry,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.registerLookup(
      EXPORT_LOOKUPS.users,
      entityNames(this.dataSource, UserEntity, (u) => u.username),
    );
    this.registry.register({
      resource: 'users',
      title: { zh: '用户', en: 'Users' },
      roles: ['secadmin'],
      spec: USER_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        { key: 'username', header: { zh: '用户名', en: 'username' } },
        { key: 'role', header: { zh: '角色', en: 'role' }, kind: 'label', labels: ROLE_LABELS },
        ...referenceColumns(
          'officerId',
          EXPORT_LOOKUPS.officers,
          { zh: '警员', en: 'officer' },
          {
            zh: '警员编号',
            en: 'officer id',
          },
        ),
        { key: 'disabled', header: { zh: '停用', en: 'disabled' }, kind: 'yesNo' },
      ],
      fetch: (query) => this.users.list(query),
    });
    this.registry.register({
      resource: 'audit-log',
      title: { zh: '审计日志', en: 'Audit log' },
      roles: ['auditadmin'],
      spec: AUDIT_LOG_LIST,
      columns: [
        { key: 'id', header: { zh: '编号', en: 'id' }, kind: 'number' },
        { key: 'at', header: { zh: '时间', en: 'at' }, kind: 'moment' },
        { key: 'username', header: { zh: '用户', en: 'user' } },
        { key: 'action', header: { zh: '操作', en: 'action' }, kind: 'label', labels: AUDIT_ACTION_LABELS },
        { key: 'resource', header: { zh: '资源', en: 'resource' } },
        { key: 'resourceId', header: { zh: '记录编号', en: 'record id' } },
        { key: 'before', header: { zh: '修改前', en: 'before' } },
        { key: 'after', header: { zh: '修改后', en: 'after' } },
        { key: 'ip', header: { zh: 'IP 地址', en: 'IP address' } },
      ],
      fetch: (query) =>
        findList(
          'audit-log',
          this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('e'),
          query,
          AUDIT_LOG_LIST.search,
        ),
    });
  }
}
