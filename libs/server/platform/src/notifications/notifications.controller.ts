import { Controller, Get, HttpCode, Injectable, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@fleet/server/config';
import { NotificationEntity } from '@fleet/server/persistence';
import { type NotificationDto, ROLES } from '@fleet/shared/contracts';
import { IsNull, type DataSource } from 'typeorm';
import { type Actor, CurrentActor, Roles } from '../auth/access.decorators';
import { ApiException } from '../errors/api.exception';
import { findList } from '../list/find-list';
import { ApiList, ListParams } from '../list/list-params.decorator';
import type { ListQuery, ListSpec } from '../list/list-query';
import type { ListResult } from '../list/list-result';

export const NOTIFICATION_LIST: ListSpec = {
  resource: 'notifications',
  sortable: ['id', 'createdAt'],
  defaultSort: ['id', 'DESC'],
  filters: {},
};

function toDto(row: NotificationEntity): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * Each login's own notifications. Marking one read is the reader's own bookkeeping, not a business
 * change: it is not audited (reading is not audited anywhere else either).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(userId: number, query: ListQuery): Promise<ListResult<NotificationDto>> {
    const builder = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('e')
      .where('e.userId = :userId', { userId });
    return (await findList(NOTIFICATION_LIST.resource, builder, query)).map(toDto);
  }

  async unreadCount(userId: number): Promise<{ count: number }> {
    return { count: await this.dataSource.manager.countBy(NotificationEntity, { userId, readAt: IsNull() }) };
  }

  async markRead(userId: number, id: number): Promise<NotificationDto> {
    const row = await this.dataSource.manager.findOneBy(NotificationEntity, { id, userId });
    // Another user's notification is not found, as one that does not exist.
    if (!row) throw ApiException.notFound('notifications', id);
    if (!row.readAt) {
      row.readAt = this.clock.now();
      await this.dataSource.manager.update(NotificationEntity, { id, userId }, { readAt: row.readAt });
    }
    return toDto(row);
  }

  async markAllRead(userId: number): Promise<{ marked: number }> {
    const result = await this.dataSource.manager.update(
      NotificationEntity,
      { userId, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
    return { marked: result.affected ?? 0 };
  }
}

/** The bell: every role reads and marks its own notifications, and no one else's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles(...ROLES)
  @ApiList(NOTIFICATION_LIST)
  @ApiOperation({ summary: "The caller's notifications, newest first (Content-Range)" })
  list(
    @CurrentActor() actor: Actor,
    @ListParams(NOTIFICATION_LIST) query: ListQuery,
  ): Promise<ListResult<NotificationDto>> {
    return this.notifications.list(actor.userId, query);
  }

  @Get('unread-count')
  @Roles(...ROLES)
  @ApiOkResponse({ description: '{ count }' })
  unreadCount(@CurrentActor() actor: Actor): Promise<{ count: number }> {
    return this.notifications.unreadCount(actor.userId);
  }

  @Post('read-all')
  @Roles(...ROLES)
  @HttpCode(200)
  @ApiOkResponse({ description: '{ marked }' })
  markAllRead(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return this.notifications.markAllRead(actor.userId);
  }

  @Post(':id/read')
  @Roles(...ROLES)
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<NotificationDto> {
    return this.notifications.markRead(actor.userId, id);
  }
}
