import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ActorContext } from '../../common/auth/actor';
import { principalOf } from '../../common/auth/actor';
import { escapeLike } from '../../common/auth/agency-scope';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { validationProblem } from '../../common/problem/validation';
import { AuditEvent } from './audit-event.entity';
import { auditHash, AuditService, canonicalRecord, GENESIS_HASH } from './audit.service';
import type { AuditEventView, AuditExportQuery, AuditPage, AuditQuery, AuditVerification } from './audit.dto';

const VERIFY_BATCH = 5000;

function view(e: AuditEvent): AuditEventView {
  return { ...e, id: String(e.id), at: e.at.toISOString() };
}

/** Reading the audit trail: browse, verify the chain, export a range with its hashes (DOMAIN §10). */
@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest first. An auditor below the province sees what was done by actors of their agency subtree. */
  async list(actor: ActorContext, q: AuditQuery): Promise<AuditPage> {
    const principal = principalOf(actor);
    const limit = q.limit ?? 50;
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (principal.agencyPath.split('/').filter(Boolean).length > 1) {
      query.andWhere('e.agency_id IN (SELECT a.id FROM agencies a WHERE a.path LIKE :scope)', {
        scope: `${escapeLike(principal.agencyPath)}%`,
      });
    }
    if (q.action?.endsWith('*')) query.andWhere('e.action LIKE :action', { action: `${escapeLike(q.action.slice(0, -1))}%` });
    else if (q.action) query.andWhere('e.action = :action', { action: q.action });
    if (q.targetType) query.andWhere('e.target_type = :targetType', { targetType: q.targetType });
    if (q.targetId) query.andWhere('e.target_id = :targetId', { targetId: q.targetId });
    if (q.actorId) query.andWhere('e.actor_id = :actorId', { actorId: q.actorId });
    if (q.from) query.andWhere('e.at >= :from', { from: new Date(q.from) });
    if (q.to) query.andWhere('e.at <= :to', { to: new Date(q.to) });
    if (q.cursor) query.andWhere('e.id < :cursor', { cursor: decodeCursor(q.cursor, 1)[0] });
    const rows = await query
      .orderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return { items: page.map(view), nextCursor: rows.length > limit ? encodeCursor([String(page[page.length - 1].id)]) : null };
  }

  /** Recomputes the whole chain in id order: a modified record breaks its hash, a removed one the next link. */
  async verify(): Promise<AuditVerification> {
    let prev = GENESIS_HASH;
    let after = '0';
    let checked = 0;
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('e')
        .where('e.id > :after', { after })
        .orderBy('e.id', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const row of rows) {
        checked++;
        if (row.prevHash !== prev) return { ok: false, checked, firstBrokenId: String(row.id), reason: 'BROKEN_LINK', lastHash: prev };
        if (auditHash(row.prevHash, row) !== row.hash)
          return { ok: false, checked, firstBrokenId: String(row.id), reason: 'HASH_MISMATCH', lastHash: prev };
        prev = row.hash;
      }
      if (rows.length < VERIFY_BATCH) return { ok: true, checked, lastHash: prev };
      after = String(rows[rows.length - 1].id);
    }
  }

  /**
   * A time range with, per record, the canonical text that was hashed: anyone can recompute
   * sha256(prev_hash + canonical) outside the product. The export itself is audited.
   */
  async export(actor: ActorContext, q: AuditExportQuery): Promise<{ body: string; contentType: string; filename: string }> {
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (from > to) throw validationProblem([{ field: 'from', rule: 'beforeTo', message: 'from phải trước to' }]);
    const rows = await this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.at >= :from AND e.at <= :to', { from, to })
      .orderBy('e.id', 'ASC')
      .getMany();
    await this.audit.record(actor, { action: 'audit.exported', targetType: 'audit', after: { from: q.from, to: q.to, rows: rows.length } });
    const stamp = `${q.from.slice(0, 10)}_${q.to.slice(0, 10)}`;
    if (q.format === 'ndjson') {
      const body = rows
        .map((r) => JSON.stringify({ id: String(r.id), prevHash: r.prevHash, hash: r.hash, canonical: canonicalRecord(r) }))
        .join('\n');
      return { body: body ? `${body}\n` : '', contentType: 'application/x-ndjson; charset=utf-8', filename: `audit_${stamp}.ndjson` };
    }
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const lines = ['id,at,action,target_type,target_id,actor_name,prev_hash,hash,canonical'];
    for (const r of rows) {
      lines.push(
        [
          String(r.id),
          r.at.toISOString(),
          r.action,
          r.targetType ?? '',
          r.targetId ?? '',
          r.actorName ?? '',
          r.prevHash,
          r.hash,
          canonicalRecord(r),
        ]
          .map(quote)
          .join(','),
      );
    }
    // UTF-8 with BOM so Excel reads the Vietnamese text (DOMAIN §9).
    return { body: `\uFEFF${lines.join('\r\n')}\r\n`, contentType: 'text/csv; charset=utf-8', filename: `audit_${stamp}.csv` };
  }
}
