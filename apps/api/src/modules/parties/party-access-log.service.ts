import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../../common/auth/agency-scope';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { AccessLogEntry, AccessLogExportQuery, AccessLogPage, ListAccessLogQuery } from './dto/party-admin.dto';
import type { PartyAccessAction } from './entities/party-access-log.entity';
import { TabularFile, tabularFile } from '../../common/tabular-file';

export interface AccessRecord {
  partyIds: readonly string[];
  action: PartyAccessAction;
  /** Names of the fields seen, never their values. */
  fields: readonly string[];
  purpose?: string | null;
}

const EXPORT_ROW_LIMIT = 100_000;

interface AccessLogRow {
  id: string;
  at: Date;
  actor_type: string;
  user_id: string | null;
  username: string | null;
  roles: string[];
  agency_id: string | null;
  agency_name: string | null;
  party_id: string;
  action: PartyAccessAction;
  fields: string[];
  purpose: string | null;
  ip: string | null;
  request_id: string | null;
}

function toEntry(row: AccessLogRow): AccessLogEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorType: row.actor_type,
    userId: row.user_id,
    username: row.username,
    roles: row.roles,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    partyId: row.party_id,
    action: row.action,
    fields: row.fields,
    purpose: row.purpose,
    ip: row.ip,
    requestId: row.request_id,
  };
}

/** The personal-data access log (who saw what of whom, why): written by every read path, read by auditors. */
@Injectable()
export class PartyAccessLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** One row per party, in the caller's transaction when given (so the log commits with what it describes). */
  async record(actor: ActorContext | undefined, entry: AccessRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!entry.partyIds.length) return;
    const principal = actor?.principal;
    await manager.query(
      `INSERT INTO party_access_log (actor_type, user_id, username, roles, agency_id, party_id, fields, action, purpose, ip, request_id)
       SELECT $1, $2, $3, $4, $5, party_id, $6, $7, $8, $9, $10 FROM unnest($11::uuid[]) AS party_id`,
      [
        principal?.kind ?? 'system',
        principal?.id ?? null,
        principal?.name ?? null,
        principal?.roles ?? [],
        principal?.agencyId ?? null,
        entry.fields,
        entry.action,
        entry.purpose ?? null,
        actor?.ip ?? null,
        actor?.requestId ?? null,
        entry.partyIds,
      ],
    );
  }

  /** Newest first; an auditor sees the accesses made by staff of agencies in their scope. */
  async list(actor: ActorContext, query: ListAccessLogQuery): Promise<AccessLogPage> {
    const limit = query.limit ?? 50;
    const { where, params } = this.filters(actor, query);
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor, 1);
      if (!/^\d+$/.test(id)) throw validationProblem([{ field: 'cursor', rule: 'cursor', message: 'Invalid cursor' }]);
      params.push(id);
      where.push(`l.id < $${params.length}::bigint`);
    }
    params.push(limit + 1);
    const rows: AccessLogRow[] = await this.dataSource.query(
      `SELECT l.*, a.name AS agency_name FROM party_access_log l LEFT JOIN agencies a ON a.id = l.agency_id
       WHERE ${where.join(' AND ')} ORDER BY l.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(toEntry),
      nextCursor: rows.length > limit ? encodeCursor([String(page[page.length - 1].id)]) : null,
    };
  }

  /** The log itself as CSV/XLSX for auditors; the export is audited (it holds no personal values). */
  async export(actor: ActorContext, query: AccessLogExportQuery): Promise<TabularFile> {
    const { where, params } = this.filters(actor, query);
    params.push(EXPORT_ROW_LIMIT);
    const rows: AccessLogRow[] = await this.dataSource.query(
      `SELECT l.*, a.name AS agency_name FROM party_access_log l LEFT JOIN agencies a ON a.id = l.agency_id
       WHERE ${where.join(' AND ')} ORDER BY l.id LIMIT $${params.length}`,
      params,
    );
    const generatedAt = new Date();
    const file = await tabularFile(
      query.format ?? 'csv',
      'nhat-ky-truy-cap-du-lieu-ca-nhan',
      'Nhật ký truy cập',
      ['Thời điểm', 'Người dùng', 'Vai trò', 'Cơ quan', 'Mã công dân', 'Hành động', 'Trường dữ liệu', 'Mục đích', 'IP', 'Mã yêu cầu'],
      rows.map((r) => [
        r.at.toISOString(),
        r.username ?? '',
        r.roles.join(' '),
        r.agency_name ?? '',
        r.party_id,
        r.action,
        r.fields.join(' '),
        r.purpose ?? '',
        r.ip ?? '',
        r.request_id ?? '',
      ]),
      {
        Từ: query.from,
        Đến: query.to,
        'Mã công dân': query.partyId ?? '',
        'Người dùng': query.userId ?? '',
        'Hành động': query.action ?? '',
        'Số dòng': String(rows.length),
        'Tạo lúc': generatedAt.toISOString(),
      },
    );
    await this.audit.record(actor, {
      action: 'party-access-log.exported',
      targetType: 'party_access_log',
      after: {
        from: query.from,
        to: query.to,
        partyId: query.partyId ?? null,
        userId: query.userId ?? null,
        rows: rows.length,
        sha256: file.sha256,
        format: file.format,
      },
    });
    return file;
  }

  private filters(actor: ActorContext, query: Partial<ListAccessLogQuery>): { where: string[]; params: unknown[] } {
    const principal = principalOf(actor);
    const params: unknown[] = [`${escapeLike(principal.agencyPath)}%`];
    const where = ['l.agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE $1)'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.partyId) add('l.party_id = ?', query.partyId);
    if (query.userId) add('l.user_id = ?', query.userId);
    if (query.action) add('l.action = ?', query.action);
    if (query.from) add('l.at >= ?', new Date(query.from));
    if (query.to) add('l.at < ?', new Date(query.to));
    return { where, params };
  }
}
