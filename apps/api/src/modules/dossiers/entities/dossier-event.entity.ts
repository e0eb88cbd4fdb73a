import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Dossier } from './dossier.entity';

/** One step of a dossier's timeline: who, when, from → to, why, and the form it produced. */
@Entity('dossier_events')
@Index('ix_dossier_events_dossier', ['dossierId', 'id'])
export class DossierEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_events_dossier' })
  dossier?: Dossier;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 255, nullable: true })
  actorName!: string | null;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  form!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data!: Record<string, unknown> | null;
}
