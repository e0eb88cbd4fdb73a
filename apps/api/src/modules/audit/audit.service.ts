import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { ActorContext } from '../../common/auth/actor';
import { AuditEvent } from './audit-event.entity';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends across transactions and API processes so the chain never forks. */
const AUDIT_CHAIN_LOCK = 7_240_001;

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The fields the hash covers, in canonical form (also what an external verifier recomputes). */
export function auditHash(prevHash: string, event: Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>): string {
  const record = canonicalJson({
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
  return createHash('sha256')
    .update(prevHash + record)
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

  private async append(manager: EntityManager, actor: ActorContext | undefined, record: AuditRecord): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = await manager.query('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
    const principal = actor?.principal;
    const event: Omit<AuditEvent, 'id' | 'hash' | 'prevHash'> = {
      at: new Date(),
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
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    await manager.save(manager.create(AuditEvent, { ...event, prevHash, hash: auditHash(prevHash, event) }));
  }
}
