import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event of the transactional outbox: written in the transaction of the change it announces, read
 * by the changes feed and fanned out to webhook deliveries.
 *
 * Readers order by `(txid, id)` and only take rows with `txid` below the oldest transaction still
 * running (`txid_snapshot_xmin(txid_current_snapshot())`): an event committed late by a transaction
 * that started early is never skipped, it is just not readable until every older transaction ended.
 * `txid` is the 64-bit id of `txid_current()` (the same value as `pg_current_xact_id()`, as bigint:
 * TypeORM has no `xid8` type).
 */
@Entity('outbox_events')
@Index('ix_outbox_events_commit_order', ['txid', 'id'])
export class OutboxEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** The CloudEvents `id`: receivers dedupe by it. */
  @Index('uq_outbox_events_event_id', { unique: true })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'dossier_code', type: 'varchar', length: 48 })
  dossierCode!: string;

  /** Scope: a caller sees the event when one of these agencies is in its subtree. */
  @Column({ name: 'receiving_agency_id', type: 'uuid' })
  receivingAgencyId!: string;

  @Column({ name: 'competent_agency_id', type: 'uuid' })
  competentAgencyId!: string;

  /** Further agencies that see the event (e.g. the agency a step was sent to). */
  @Column({ name: 'agency_ids', type: 'uuid', array: true, default: () => "'{}'" })
  agencyIds!: string[];

  /** The CloudEvents `data`: at least the dossier `code`, `status` and `statusCode`. */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Index('ix_outbox_events_occurred')
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'bigint', default: () => 'txid_current()' })
  txid!: string;
}
