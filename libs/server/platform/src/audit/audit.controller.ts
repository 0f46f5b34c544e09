import { Controller, Get, Headers, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditChainVerifyDto, AuditLogDto } from '@fleet/shared/contracts';
import { AuditLogEntity } from '@fleet/server/persistence';
import type { DataSource } from 'typeorm';
import { Roles } from '../auth/access.decorators';
import { ReadController } from '../crud/crud.controller';
import { langFromHeader } from '../i18n/lang';
import { AuditChainService } from './audit-chain.service';
import { ReadService } from '../crud/read.service';
import type { ListSpec } from '../list/list-query';

export const AUDIT_LOG_LIST: ListSpec = {
  resource: 'audit-log',
  sortable: ['id', 'at', 'action', 'resource', 'username'],
  defaultSort: ['at', 'DESC'],
  filters: {
    action: { property: 'action', type: 'string' },
    resource: { property: 'resource', type: 'string' },
    resourceId: { property: 'resourceId', type: 'string' },
    userId: { property: 'userId', type: 'int' },
    at_gte: { property: 'at', type: 'moment', op: 'gte' },
    at_lte: { property: 'at', type: 'moment', op: 'lte' },
  },
  search: ['username', 'resource', 'resourceId'],
};

function toDto(row: AuditLogEntity): AuditLogDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    userId: row.userId,
    username: row.username,
    action: row.action,
    resource: row.resource,
    resourceId: row.resourceId,
    before: row.before,
    after: row.after,
  };
}

/** The audit log, read by the audit administrator alone (三员分立); no service or route writes, changes or deletes its rows. */
@Injectable()
export class AuditLogService extends ReadService<AuditLogEntity, AuditLogDto> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, AuditLogEntity, AUDIT_LOG_LIST);
  }

  protected toDto(row: AuditLogEntity): AuditLogDto {
    return toDto(row);
  }
}

@ApiTags('audit-log')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController extends ReadController<AuditLogDto>({
  spec: AUDIT_LOG_LIST,
  readRoles: ['auditadmin'],
}) {
  constructor(
    auditLog: AuditLogService,
    private readonly chain: AuditChainService,
  ) {
    super(auditLog);
  }

  @Get('verify')
  @Roles('auditadmin')
  @ApiOperation({ summary: 'Walks the audit hash chain: intact, or the first row that breaks it' })
  @ApiOkResponse({ description: '{ ok, count, brokenId, reason, message }' })
  verify(@Headers('accept-language') acceptLanguage?: string): Promise<AuditChainVerifyDto> {
    return this.chain.verify(langFromHeader(acceptLanguage));
  }
}
