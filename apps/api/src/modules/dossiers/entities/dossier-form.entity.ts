import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Dossier } from './dossier.entity';

/** Every form generated for a dossier: which, its SHA-256, who printed it and when. */
@Entity('dossier_forms')
@Index('ix_dossier_forms_dossier', ['dossierId', 'generatedAt'])
export class DossierForm {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_forms_dossier' })
  dossier?: Dossier;

  @Column({ type: 'varchar', length: 2 })
  form!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'generated_by', type: 'uuid', nullable: true })
  generatedBy!: string | null;

  @Column({ name: 'generated_by_name', type: 'varchar', length: 255, nullable: true })
  generatedByName!: string | null;

  @CreateDateColumn({ name: 'generated_at', type: 'timestamptz' })
  generatedAt!: Date;
}
