import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export const REPORT_BASES = ['competent', 'receiving'] as const;
export type ReportBasis = (typeof REPORT_BASES)[number];

/**
 * A closed month (DOMAIN §9, issue 8 "period closing"): its II.06a for the whole province, under
 * both the competent agency and the receiving point, frozen with the dossier ids behind every cell.
 * `sha256` covers the header, every row and every dossier line (see `SNAPSHOT_HASH_SQL`). The three
 * snapshot tables are append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
@Entity('report_periods')
export class ReportPeriod {
  /** `YYYY-MM`, a local (UTC+7) calendar month. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** Dossier lines stored (one per dossier and basis). */
  @Column({ name: 'dossier_lines', type: 'integer' })
  dossierLines!: number;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ name: 'closed_by_name', type: 'varchar', length: 255, nullable: true })
  closedByName!: string | null;

  @CreateDateColumn({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;
}

/** One agency row of a closed month's II.06a, with the agency as it was named and placed then. */
@Entity('report_period_rows')
export class ReportPeriodRow {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  basis!: ReportBasis;

  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  // The parent row is written last (its hash covers the children): the key is checked at commit.
  @ManyToOne(() => ReportPeriod, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'month', foreignKeyConstraintName: 'fk_report_period_rows_period' })
  period?: ReportPeriod;

  @Column({ name: 'agency_code', type: 'varchar', length: 32 })
  agencyCode!: string;

  @Column({ name: 'agency_name', type: 'varchar', length: 255 })
  agencyName!: string;

  @Column({ name: 'agency_path', type: 'text' })
  agencyPath!: string;

  @Column({ name: 'received_total', type: 'integer' }) receivedTotal!: number;
  @Column({ name: 'received_online', type: 'integer' }) receivedOnline!: number;
  @Column({ name: 'received_direct', type: 'integer' }) receivedDirect!: number;
  @Column({ name: 'carried_over', type: 'integer' }) carriedOver!: number;
  @Column({ name: 'resolved_total', type: 'integer' }) resolvedTotal!: number;
  @Column({ name: 'resolved_early', type: 'integer' }) resolvedEarly!: number;
  @Column({ name: 'resolved_on_time', type: 'integer' }) resolvedOnTime!: number;
  @Column({ name: 'resolved_late', type: 'integer' }) resolvedLate!: number;
  @Column({ name: 'in_process_total', type: 'integer' }) inProcessTotal!: number;
  @Column({ name: 'in_process_within', type: 'integer' }) inProcessWithin!: number;
  @Column({ name: 'in_process_overdue', type: 'integer' }) inProcessOverdue!: number;
  @Column({ name: 'withdrawn_or_stopped', type: 'integer' }) withdrawnOrStopped!: number;
}

/**
 * One dossier of a closed month's population under one basis: `cells` is a bit set over
 * `II06A_CELL_NAMES` (bit i = the i-th counter), so a cell's count and its list of dossiers are
 * the same query. Compact: one narrow row per dossier instead of an id array per cell.
 */
@Entity('report_period_dossiers')
@Index('ix_report_period_dossiers_code', ['month', 'basis', 'dossierCode'])
@Index('ix_report_period_dossiers_agency', ['month', 'basis', 'agencyId', 'dossierCode'])
export class ReportPeriodDossier {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  basis!: ReportBasis;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => ReportPeriod, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'month', foreignKeyConstraintName: 'fk_report_period_dossiers_period' })
  period?: ReportPeriod;

  /** Dossier codes never change (DOMAIN §6); kept so the snapshot reads and hashes on its own. */
  @Column({ name: 'dossier_code', type: 'varchar', length: 48 })
  dossierCode!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** The procedure version, so the snapshot answers the procedure and field filters too. */
  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @Column({ type: 'integer' })
  cells!: number;
}
