import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Dossier } from '../../dossiers/entities/dossier.entity';
import { FINDING_CATEGORIES, type FindingCategory, type FindingVerdict } from '../finding-categories';
import { Inspection } from './inspection.entity';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** One sampled dossier of an inspection, in draw order, with the auditor's finding once recorded. */
@Entity('inspection_samples')
@Index('uq_inspection_samples_position', ['inspectionId', 'position'], { unique: true })
@Check('ck_inspection_samples_category', `"category" IS NULL OR "category" IN (${quoted(FINDING_CATEGORIES)})`)
// A finding is a known verdict; a problem always names its category, a compliant dossier has none.
@Check(
  'ck_inspection_samples_problem_category',
  `("verdict" IS NULL AND "category" IS NULL) OR ("verdict" = 'COMPLIANT' AND "category" IS NULL) OR ("verdict" = 'PROBLEM' AND "category" IS NOT NULL)`,
)
export class InspectionSample {
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' })
  inspectionId!: string;

  @ManyToOne(() => Inspection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id', foreignKeyConstraintName: 'fk_inspection_samples_inspection' })
  inspection?: Inspection;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  // An inspection is evidence: the dossiers it sampled can never disappear under it.
  @ManyToOne(() => Dossier, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_inspection_samples_dossier' })
  dossier?: Dossier;

  /** 1-based rank in the seeded order. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  verdict!: FindingVerdict | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  category!: FindingCategory | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_by_name', type: 'varchar', length: 255, nullable: true })
  recordedByName!: string | null;
}
