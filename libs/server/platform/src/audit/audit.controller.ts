import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditLogDto } from '@fleet/shared/contracts';
import { AuditLogEntity } from '@fleet/server/persistence';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Roles } from '../auth/access.decorators';
import { ApiException } from '../errors/api.exception';
import { findList } from '../list/find-list';
import { ApiList, ListParams } from '../list/list-params.decorator';
import type { ListQuery, ListSpec } from '../list/list-query';
import type { ListResult } from '../list/list-result';

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

/** The audit log, read-only: there is no route that writes, changes or deletes its rows. */
@ApiTags('audit-log')
@ApiBearerAuth()
@Roles('admin', 'auditor')
@Controller('audit-log')
export class AuditLogController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiList(AUDIT_LOG_LIST)
  async list(@ListParams(AUDIT_LOG_LIST) query: ListQuery): Promise<ListResult<AuditLogDto>> {
    const builder = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('e');
    return (await findList('audit-log', builder, query, AUDIT_LOG_LIST.search)).map(toDto);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<AuditLogDto> {
    const row = await this.dataSource.getRepository(AuditLogEntity).findOneBy({ id });
    if (!row) throw ApiException.notFound('audit-log', id);
    return toDto(row);
  }
}
