import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { ActorContext } from '../../common/auth/actor';
import { AuditEvent } from './audit-event.entity';
import { canonicalJson } from './canonical-json';
import { insertRows, InsertStatement } from '../../database/insert-rows';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends across transactions and API processes so the chain never forks. */
const AUDIT_CHAIN_LOCK = 7_240_001;

/**
 * SQL expression that takes the chain lock (until commit) and yields the last hash, NULL for an empty
 * chain; for hot paths that fold it into a statement they run anyway. See `chainHead`.
 */
export const CHAIN_HEAD_SQL = `audit_chain_head(${AUDIT_CHAIN_LOCK})`;

export type AuditDraft = Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>;

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The fields the hash covers, in canonical form (also what an external verifier recomputes). */
export function canonicalRecord(event: Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>): string {
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

export function auditHash(prevHash: string, event: Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>): string {
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

  /**
   * Takes the chain lock (held until commit) and returns the last hash. Call it as late as possible
   * in the transaction: every append in every process waits here.
   */
  async chainHead(manager: EntityManager): Promise<string> {
    const [row] = await manager.query(`SELECT ${CHAIN_HEAD_SQL} AS hash`);
    return row?.hash ?? GENESIS_HASH;
  }

  /** The row to insert after `prevHash`, hash included (for callers that batch it into their own statement). */
  entry(actor: ActorContext | undefined, record: AuditRecord, prevHash: string, at = new Date()): Omit<AuditEvent, 'id'> {
    const event = this.draft(actor, record, at);
    return { ...event, prevHash, hash: auditHash(prevHash, event) };
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

  /** An INSERT of prepared entries, to run inside the caller's own statement (parameters from $1). */
  insertStatement(rows: Array<Omit<AuditEvent, 'id'>>): InsertStatement {
    return insertRows(this.dataSource, AuditEvent, rows);
  }

  /**
   * An INSERT that takes the chain lock itself and computes `prev_hash` and `hash` in SQL, the same
   * SHA-256(previous hash + canonical record) as `auditHash`: the lock is held only from this
   * statement to the commit, not across the round trips before it. Parameters from $1.
   */
  chainedInsertStatement(drafts: AuditDraft[]): InsertStatement {
    const head = `coalesce(${CHAIN_HEAD_SQL}, '${GENESIS_HASH}')`;
    const canonical: string[] = [];
    // Row i's hash over row i-1's: the expressions nest, fine for the few rows one change writes.
    const hashOf = (i: number, param: (value: unknown) => string): string => {
      const placeholder = (canonical[i] ??= param(canonicalRecord(drafts[i])));
      const prev = i === 0 ? head : hashOf(i - 1, param);
      return `encode(sha256(convert_to(${prev} || ${placeholder}::text, 'UTF8')), 'hex')`;
    };
    return insertRows(this.dataSource, AuditEvent, drafts as Array<Partial<AuditEvent>>, 1, '', {
      prevHash: (i, param) => (i === 0 ? head : hashOf(i - 1, param)),
      hash: (i, param) => hashOf(i, param),
    });
  }

  private async append(manager: EntityManager, actor: ActorContext | undefined, record: AuditRecord): Promise<void> {
    const { sql, params } = this.chainedInsertStatement([this.draft(actor, record)]);
    await manager.query(sql, params);
  }
}
