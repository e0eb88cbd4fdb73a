import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { ActorContext } from '../../common/auth/actor';
import { AuditEvent } from './audit-event.entity';
import { canonicalJson } from './canonical-json';
import { insertRows, InsertStatement } from '../../database/insert-rows';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditDraft = Omit<AuditEvent, 'id' | 'hash' | 'prevHash' | 'chainInput'>;

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The fields the hash covers, in canonical form (also what an external verifier recomputes). */
export function canonicalRecord(event: AuditDraft): string {
  return canonicalJson({
    at: event.at.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    actorName: event.actorName,
    roles: event.roles,
    agencyId: event.agencyId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
    ip: event.ip,
  });
}

export function auditHash(prevHash: string, event: AuditDraft): string {
  return createHash('sha256')
    .update(prevHash + canonicalRecord(event))
    .digest('hex');
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one record. Pass the transaction's manager so the record commits (or rolls back)
   * with the change it describes.
   */
  async record(actor: ActorContext | undefined, record: AuditRecord, manager?: EntityManager): Promise<void> {
    if (manager) return this.append(manager, actor, record);
    return this.dataSource.transaction((tx) => this.append(tx, actor, record));
  }

  /** The record as it will be hashed, before its place in the chain is known. */
  draft(actor: ActorContext | undefined, record: AuditRecord, at = new Date()): AuditDraft {
    const principal = actor?.principal;
    return {
      at,
      actorType: principal?.kind ?? (actor ? 'anonymous' : 'system'),
      actorId: principal?.id ?? null,
      actorName: principal?.name ?? null,
      roles: principal?.roles ?? [],
      agencyId: principal?.agencyId ?? null,
      action: record.action,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      before: record.before ?? null,
      after: record.after ?? null,
      requestId: actor?.requestId ?? null,
      ip: actor?.ip ?? null,
    };
  }

  /**
   * An INSERT of records, for a caller that folds it into a statement of its own (parameters from
   * $1). Each record carries its canonical text; the database seals it into the chain (previous
   * hash, hash, id in chain order) when the transaction commits, so the province-wide chain lock is
   * held for the commit only, never across the transaction's round trips.
   */
  insertStatement(drafts: AuditDraft[]): InsertStatement {
    return insertRows(
      this.dataSource,
      AuditEvent,
      drafts.map((draft) => ({ ...draft, chainInput: canonicalRecord(draft) })),
    );
  }

  private async append(manager: EntityManager, actor: ActorContext | undefined, record: AuditRecord): Promise<void> {
    const { sql, params } = this.insertStatement([this.draft(actor, record)]);
    await manager.query(sql, params);
  }
}
