import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Agency } from '../../catalog/entities/agency.entity';

/**
 * A pilot of a new one-stop model (issue 8 §4, QĐ 3455/QĐ-UBND): the deciding document, the agencies
 * (each with its subtree) and procedures (none = all) it covers, and when it runs.
 */
@Entity('pilots')
@Index('ix_pilots_starts', ['startsOn', 'id'])
@Check('ck_pilots_period', `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
export class Pilot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** The deciding document, e.g. "Quyết định 3455/QĐ-UBND ngày 01/12/2025". */
  @Column({ name: 'decision_ref', type: 'varchar', length: 255 })
  decisionRef!: string;

  /** National procedure codes (across versions); empty = every procedure. */
  @Column({ name: 'procedure_codes', type: 'text', array: true, default: () => "'{}'" })
  procedureCodes!: string[];

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 255, nullable: true })
  createdByName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/** An agency taking part in a pilot (its subtree with it). */
@Entity('pilot_agencies')
export class PilotAgency {
  @PrimaryColumn({ name: 'pilot_id', type: 'uuid' })
  pilotId!: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_pilot_agencies_pilot' })
  pilot?: Pilot;

  @Index('ix_pilot_agencies_agency')
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_pilot_agencies_agency' })
  agency?: Agency;
}
