import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PARTY_ACCESS_ACTIONS = ['READ', 'REVEAL', 'EXPORT', 'PRINT', 'PSEUDONYMISE', 'MERGE'] as const;
export type PartyAccessAction = (typeof PARTY_ACCESS_ACTIONS)[number];

/**
 * Who saw which fields of which party, why and when (Law 91/2025). Holds field names, never the
 * values. Append-only (a trigger refuses UPDATE and DELETE).
 */
@Entity('party_access_log')
@Index('ix_party_access_log_party', ['partyId', 'id'])
@Index('ix_party_access_log_user', ['userId', 'id'])
@Index('ix_party_access_log_at', ['at'])
export class PartyAccessLog {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: 'user' | 'client' | 'system';

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  username!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: string[];

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields!: string[];

  @Column({ type: 'varchar', length: 16 })
  action!: PartyAccessAction;

  @Column({ type: 'varchar', length: 500, nullable: true })
  purpose!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;
}
