import type { Role } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { ProblemException } from '../../common/problem/problem';
import type { NotificationType } from './notification.entity';

export interface NotificationInput {
  type: NotificationType;
  dossierCode: string;
  stepId?: string | null;
  message: string;
}

export interface NotificationView {
  id: string;
  type: NotificationType;
  dossierCode: string;
  stepId: string | null;
  message: string;
  createdAt: string;
  read: boolean;
}

/** Staff notifications, written in the transaction of the change they announce. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Everyone active at `agencyId` holding one of `roles`. */
  async notifyAgency(tx: EntityManager, agencyId: string, roles: readonly Role[], input: NotificationInput): Promise<void> {
    await tx.query(
      `INSERT INTO notifications (user_id, type, dossier_code, step_id, message)
       SELECT u.id, $3, $4, $5, $6 FROM users u WHERE u.agency_id = $1 AND u.active AND u.roles && $2::text[]`,
      [agencyId, roles, input.type, input.dossierCode, input.stepId ?? null, input.message],
    );
  }

  async notifyUsers(tx: EntityManager, userIds: readonly string[], input: NotificationInput): Promise<void> {
    if (!userIds.length) return;
    await tx.query(
      `INSERT INTO notifications (user_id, type, dossier_code, step_id, message)
       SELECT u, $2, $3, $4::uuid, $5 FROM (SELECT DISTINCT unnest($1::uuid[]) AS u) recipients`,
      [userIds, input.type, input.dossierCode, input.stepId ?? null, input.message],
    );
  }

  async list(
    principal: Principal,
    query: { unread?: boolean; cursor?: string; limit?: number },
  ): Promise<{ items: NotificationView[]; unreadCount: number; nextCursor: string | null }> {
    const limit = query.limit ?? 30;
    const params: unknown[] = [principal.id, limit + 1];
    let where = 'user_id = $1';
    if (query.unread) where += ' AND read_at IS NULL';
    if (query.cursor) {
      params.push(decodeCursor(query.cursor, 1)[0]);
      where += ` AND id < $${params.length}`;
    }
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, type, dossier_code, step_id, message, created_at, read_at FROM notifications WHERE ${where} ORDER BY id DESC LIMIT $2`,
        params,
      ),
      this.dataSource.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [principal.id]),
    ]);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r: Record<string, unknown>) => ({
        id: String(r['id']),
        type: r['type'] as NotificationType,
        dossierCode: r['dossier_code'] as string,
        stepId: (r['step_id'] as string | null) ?? null,
        message: r['message'] as string,
        createdAt: (r['created_at'] as Date).toISOString(),
        read: r['read_at'] !== null,
      })),
      unreadCount: n,
      nextCursor: rows.length > limit ? encodeCursor([String(page[page.length - 1].id)]) : null,
    };
  }

  async markRead(principal: Principal, id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id)) throw notFound();
    const rows = await this.dataSource.query(
      'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, principal.id],
    );
    if (!rows[0].length) throw notFound();
  }

  async markAllRead(principal: Principal): Promise<number> {
    const [, count] = await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [
      principal.id,
    ]);
    return Number(count ?? 0);
  }
}

function notFound() {
  return new ProblemException({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail: 'Không có thông báo này.' });
}
