import { auditHash, GENESIS_HASH } from '../../apps/api/src/modules/audit/audit.service';
import type { CopyStream } from './copy-sink';
import { TextArray } from './copy-sink';

/** The columns of audit_events the chain writes (the hash covers all but id, prev_hash and hash). */
export const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor_type',
  'actor_id',
  'actor_name',
  'roles',
  'agency_id',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'request_id',
  'ip',
  'prev_hash',
  'hash',
] as const;

export interface AuditInput {
  at: Date;
  actorType: 'user' | 'client' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string | null;
  roles: string[];
  agencyId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
}

/**
 * Continues the hash chain of audit_events from its last row, with the API's own auditHash, in id
 * order: append in the order the records happened.
 */
export class AuditChain {
  private stream?: CopyStream;
  appended = 0;

  constructor(
    private lastId: number,
    private lastHash: string = GENESIS_HASH,
  ) {}

  attach(stream: CopyStream): void {
    this.stream = stream;
  }

  get last(): { id: number; hash: string } {
    return { id: this.lastId, hash: this.lastHash };
  }

  append(event: AuditInput): void {
    if (!this.stream) throw new Error('AuditChain: no stream attached');
    const prevHash = this.lastHash;
    const hash = auditHash(prevHash, event);
    this.lastId += 1;
    this.stream.row([
      this.lastId,
      event.at,
      event.actorType,
      event.actorId,
      event.actorName,
      new TextArray(event.roles),
      event.agencyId,
      event.action,
      event.targetType,
      event.targetId,
      event.before,
      event.after,
      event.requestId,
      event.ip,
      prevHash,
      hash,
    ]);
    this.lastHash = hash;
    this.appended++;
  }
}
