import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Agency } from '../../catalog/entities/agency.entity';

export const INSPECTION_STATUSES = ['OPEN', 'CLOSED'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/**
 * An auditor's inspection (issue 8 §5): a scope (agency subtree), a period of receipt, an optional
 * procedure, and a random sample of the dossiers received there, drawn reproducibly from `seed`.
 * Closing freezes it: no more findings, no redraw.
 */
@Entity('inspections')
@Index('ix_inspections_created', ['createdAt', 'id'])
@Check('ck_inspections_sample_size', `"sample_size" BETWEEN 1 AND 1000`)
@Check('ck_inspections_period', `"period_to" >= "period_from"`)
@Check('ck_inspections_status', `"status" IN ('OPEN', 'CLOSED')`)
export class Inspection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  title!: string;

  @Index('ix_inspections_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_inspections_agency' })
  agency?: Agency;

  /** First and last local day (inclusive) of receipt of the dossiers sampled. */
  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ name: 'procedure_code', type: 'varchar', length: 32, nullable: true })
  procedureCode!: string | null;

  /** Requested; the sample holds fewer when the period has fewer dossiers. */
  @Column({ name: 'sample_size', type: 'integer' })
  sampleSize!: number;

  @Column({ type: 'varchar', length: 64 })
  seed!: string;

  /** Dossiers in the sampling frame at the last draw. */
  @Column({ type: 'integer' })
  population!: number;

  @Column({ type: 'varchar', length: 8, default: 'OPEN' })
  status!: InspectionStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 255, nullable: true })
  createdByName!: string | null;

  /** Millisecond precision, like a JS Date, so the list's keyset cursor round-trips exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by_name', type: 'varchar', length: 255, nullable: true })
  closedByName!: string | null;

  @VersionColumn()
  version!: number;
}
