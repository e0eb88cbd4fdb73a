import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Dossier } from '../dossiers/entities/dossier.entity';

export const RATING_FACTORS = ['access', 'procedure', 'officer', 'result', 'feedback'] as const;
export type RatingFactor = (typeof RATING_FACTORS)[number];

/**
 * The applicant's rating of a returned dossier (DOMAIN §8): the five SIPAS factors on 1–5, once
 * per dossier, given with the receipt's secret. No route lets staff write or change one.
 */
@Entity('dossier_ratings')
@Check(
  'ck_dossier_ratings_scale',
  `"access" BETWEEN 1 AND 5 AND "procedure" BETWEEN 1 AND 5 AND "officer" BETWEEN 1 AND 5 AND "result" BETWEEN 1 AND 5 AND "feedback" BETWEEN 1 AND 5`,
)
export class DossierRating {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_dossier_ratings_dossier', { unique: true })
  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @OneToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_ratings_dossier' })
  dossier?: Dossier;

  @Column({ type: 'smallint' }) access!: number;
  @Column({ type: 'smallint' }) procedure!: number;
  @Column({ type: 'smallint' }) officer!: number;
  @Column({ type: 'smallint' }) result!: number;
  @Column({ type: 'smallint' }) feedback!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Index('ix_dossier_ratings_created')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
