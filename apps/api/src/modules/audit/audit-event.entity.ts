import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only, hash-chained record of every action that matters (DOMAIN §10).
 * `hash = SHA-256(prev_hash + canonical record)`; a trigger forbids UPDATE and DELETE.
 * A record is inserted with its canonical text in `chain_input` and sealed into the chain when its
 * transaction commits (trigger `audit_events_seal`, migration AuditChainAtCommit): the hashes and
 * the final id are NULL/provisional only inside the writing transaction.
 */
@Entity('audit_events')
@Index('ix_audit_events_target', ['targetType', 'targetId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index('ix_audit_events_at')
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: 'user' | 'client' | 'system' | 'anonymous';

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 255, nullable: true })
  actorName!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: string[];

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Index('ix_audit_events_action')
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 64, nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 128, nullable: true })
  targetId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash!: string;

  @Column({ type: 'char', length: 64, nullable: true })
  hash!: string;

  /** The canonical record to hash at commit; emptied by the seal. */
  @Column({ name: 'chain_input', type: 'text', nullable: true, select: false })
  chainInput?: string | null;
}
