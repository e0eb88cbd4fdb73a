import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const EXPORT_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Who asked for an export, as the worker acts for them later: scope, permissions and audit identity. */
export interface ExportRequester {
  kind: 'user' | 'client';
  id: string;
  name: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  agencyId: string;
  agencyPath: string;
  requestId: string;
  ip: string;
}

/**
 * A report export run in the background (issue 8 §6): queued by the API, worked by one pg-boss
 * worker, its file stored in `report_export_chunks` so any API process can serve it, and deleted
 * with its file when `expires_at` passes (see `EXPORT_RETENTION_DAYS`).
 */
@Entity('report_exports')
@Index('ix_report_exports_requester', ['requestedById', 'createdAt'])
@Index('ix_report_exports_expires', ['expiresAt'])
export class ReportExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  report!: string;

  @Column({ type: 'varchar', length: 8 })
  format!: string;

  @Column({ type: 'varchar', length: 8, default: 'QUEUED' })
  status!: ExportStatus;

  /** 0–100, moved while rows stream. */
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  /** The report's filters as asked (from, to, agencyId, procedureCode, field, by, source, cell, rowAgencyId). */
  @Column({ type: 'jsonb' })
  filters!: Record<string, string>;

  /** The agency subtree resolved when the export was asked for. */
  @Column({ name: 'scope_path', type: 'text' })
  scopePath!: string;

  @Column({ name: 'requested_by_id', type: 'uuid' })
  requestedById!: string;

  @Column({ name: 'requested_by', type: 'jsonb' })
  requestedBy!: ExportRequester;

  /** Incremented by every claim; the fencing token that lets only the latest attempt finish. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'row_count', type: 'integer', nullable: true })
  rowCount!: number | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  filename!: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 100, nullable: true })
  contentType!: string | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes!: number | null;

  /** SHA-256 of the data rows, as in the file's footer and the audit record. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  /** Touched with every progress step: a running export whose heartbeat stops is taken over. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}

/** The bytes of an export's file, in order; written in the transaction that marks the export DONE. */
@Entity('report_export_chunks')
export class ReportExportChunk {
  @PrimaryColumn({ name: 'export_id', type: 'uuid' })
  exportId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @ManyToOne(() => ReportExport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'export_id', foreignKeyConstraintName: 'fk_report_export_chunks_export' })
  export?: ReportExport;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
