import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Actor, ActorContext, principalOf } from '../../common/auth/actor';
import { Authenticated } from '../../common/auth/access.decorators';
import { CursorQuery } from '../../common/pagination';
import { ProblemException } from '../../common/problem/problem';
import { toBoolean } from '../../common/transforms';
import { NOTIFICATION_TYPES, type NotificationType } from './notification.entity';
import { NotificationsService } from './notifications.service';

class NotificationsQuery extends CursorQuery {
  @ApiPropertyOptional({ description: 'Only unread ones' }) @IsOptional() @Transform(toBoolean) @IsBoolean() unread?: boolean;
}

class NotificationItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES, enumName: 'NotificationType' }) type!: NotificationType;
  @ApiProperty() dossierCode!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) stepId!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() read!: boolean;
}

class NotificationPage {
  @ApiProperty({ type: [NotificationItem] }) items!: NotificationItem[];
  @ApiProperty({ description: 'Unread notifications of the caller (the bell’s badge)' }) unreadCount!: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class MarkedRead {
  @ApiProperty() marked!: number;
}

/** The caller's own notifications (staff accounts only). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: NotificationPage })
  listNotifications(@Actor() actor: ActorContext, @Query() query: NotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(staff(actor), query);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(204)
  async markNotificationRead(@Actor() actor: ActorContext, @Param('id') id: string): Promise<void> {
    await this.notifications.markRead(staff(actor), id);
  }

  @Post('read-all')
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedRead })
  async markAllNotificationsRead(@Actor() actor: ActorContext): Promise<MarkedRead> {
    return { marked: await this.notifications.markAllRead(staff(actor)) };
  }
}

function staff(actor: ActorContext) {
  const principal = principalOf(actor);
  if (principal.kind !== 'user') {
    throw new ProblemException({ status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail: 'Notifications are for staff accounts.' });
  }
  return principal;
}
