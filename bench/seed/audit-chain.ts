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
 * order: append in the order the records happened. A record of something that happens later than
 * the intake being generated (a rating after the result is returned) is deferred and goes into the
 * chain in its time order, before the first record appended after it.
 */
export class AuditChain {
  private stream?: CopyStream;
  appended = 0;
  /** Min-heap on (at, order of deferral). */
  private readonly deferred: Array<{ at: number; n: number; event: AuditInput }> = [];
  private deferrals = 0;

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

  /** A record for later: appended when the chain reaches its time (or at `flush`). */
  defer(event: AuditInput): void {
    const heap = this.deferred;
    heap.push({ at: event.at.getTime(), n: this.deferrals++, event });
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** Appends the deferred records up to `until` (all of them without it), in time order. */
  flush(until = Infinity): void {
    const heap = this.deferred;
    while (heap.length && heap[0].at <= until) {
      const top = heap[0];
      const last = heap.pop() as (typeof heap)[number];
      if (heap.length) {
        heap[0] = last;
        for (let i = 0; ;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && before(heap[l], heap[m])) m = l;
          if (r < heap.length && before(heap[r], heap[m])) m = r;
          if (m === i) break;
          [heap[i], heap[m]] = [heap[m], heap[i]];
          i = m;
        }
      }
      this.write(top.event);
    }
  }

  get pending(): number {
    return this.deferred.length;
  }

  append(event: AuditInput): void {
    if (this.deferred.length) this.flush(event.at.getTime());
    this.write(event);
  }

  private write(event: AuditInput): void {
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

function before(a: { at: number; n: number }, b: { at: number; n: number }): boolean {
  return a.at < b.at || (a.at === b.at && a.n < b.n);
}
