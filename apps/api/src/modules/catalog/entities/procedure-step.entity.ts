import type { Role } from '@motcua/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';
import { Procedure } from './procedure.entity';

export const STEP_ACTORS = ['COMPETENT', 'RECEIVING', 'FIXED'] as const;
export type StepActor = (typeof STEP_ACTORS)[number];

/** One step of a procedure version's process template. */
@Entity('procedure_steps')
@Index('uq_procedure_steps_seq', ['procedureId', 'seq'], { unique: true })
export class ProcedureStep {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @ManyToOne(() => Procedure, (procedure) => procedure.steps, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_procedure_steps_procedure' })
  procedure?: Procedure;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Who acts: the competent agency, the receiving point, or the fixed agency below. */
  @Column({ type: 'varchar', length: 16 })
  actor!: StepActor;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_procedure_steps_agency' })
  agency?: Agency;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'budget_minutes', type: 'integer' })
  budgetMinutes!: number;

  @Column({ name: 'parallel_group', type: 'varchar', length: 64, nullable: true })
  parallelGroup!: string | null;
}
