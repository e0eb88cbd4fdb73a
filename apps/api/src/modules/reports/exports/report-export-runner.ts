import type { Permission, Role } from '@motcua/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Writable } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import { ActorContext, principalOf } from '../../../common/auth/actor';
import { AuditService } from '../../audit/audit.service';
import { II06A_HEADINGS_VI, type Ii06aCell } from '../ii06a';
import { IndicatorsService } from '../indicators.service';
import { RatingsService } from '../ratings.service';
import {
  CONTENT_TYPES,
  dossierLineRow,
  dossierListTable,
  ExportRejected,
  fileNameOf,
  ii06aTable,
  indicatorsTable,
  PDF_MAX_ROWS,
  PDF_TOO_LONG,
  procedureTable,
  renderReportFile,
  satisfactionTable,
  writeTable,
  type FileFormat,
  type ReportFile,
  type ReportFileContext,
  type ReportTable,
} from '../report-files';
import { ReportPeriodsService } from '../report-periods.service';
import type { Ii06aReport, SnapshotAwareQuery } from '../reports.dto';
import { ReportsService } from '../reports.service';
import { GarbageBound } from './garbage-bound';
import { drillQuery, lineValues, openLineCursor, trackingBookQuery, type DrillFilters, type LineCursor } from './dossier-lines';
import type { ExportRequester, ExportStatus } from './report-export.entity';
import type { ExportReport } from './report-exports.dto';

/** Files are deleted this many days after they are made (and unfinished requests after they are asked for). */
export const EXPORT_RETENTION_DAYS = 7;
/** A running export whose heartbeat is older than this is taken to be dead and may be claimed again. */
export const EXPORT_STALE_SECONDS = 120;
/** Bytes per stored chunk of a file. */
const CHUNK_BYTES = 1 << 20;
const PROGRESS_EVERY_MS = 500;

export interface ExportRow {
  id: string;
  report: ExportReport;
  format: FileFormat;
  status: ExportStatus;
  progress: number;
  filters: Record<string, string>;
  scope_path: string;
  requested_by_id: string;
  requested_by: ExportRequester;
  attempts: number;
  row_count: number | null;
  filename: string | null;
  content_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
  expires_at: Date;
}

/** The requester as stored with the export, so the worker acts with their scope and is audited as them. */
export function requesterOf(actor: ActorContext): ExportRequester {
  const p = principalOf(actor);
  return {
    kind: p.kind,
    id: p.id,
    name: p.name,
    displayName: p.displayName,
    roles: [...p.roles],
    permissions: [...p.permissions],
    agencyId: p.agencyId,
    agencyPath: p.agencyPath,
    requestId: actor.requestId,
    ip: actor.ip,
  };
}

function actorOfRequester(r: ExportRequester): ActorContext {
  return {
    principal: {
      kind: r.kind,
      id: r.id,
      name: r.name,
      displayName: r.displayName,
      roles: r.roles as Role[],
      permissions: new Set(r.permissions as Permission[]),
      agencyId: r.agencyId,
      agencyPath: r.agencyPath,
    },
    requestId: r.requestId,
    ip: r.ip,
  };
}

/** Another attempt took the export over: this one ends without a trace (its transaction rolls back). */
class Superseded extends Error {}

/**
 * Writes the file into `report_export_chunks` inside the export's own transaction: the file appears
 * with the DONE status and the audit record, or not at all. The write callback waits for each
 * chunk's INSERT, so a slow database slows the writer instead of filling memory.
 */
class ChunkSink extends Writable {
  private parts: Buffer[] = [];
  private buffered = 0;
  private seq = 0;
  size = 0;

  constructor(
    private readonly tx: QueryRunner,
    private readonly exportId: string,
  ) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.parts.push(chunk);
    this.buffered += chunk.length;
    this.size += chunk.length;
    if (this.buffered < CHUNK_BYTES) return callback();
    this.flush().then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flush().then(() => callback(), callback);
  }

  private async flush(): Promise<void> {
    if (!this.buffered) return;
    const data = Buffer.concat(this.parts, this.buffered);
    this.parts = [];
    this.buffered = 0;
    await this.tx.query('INSERT INTO report_export_chunks (export_id, seq, data) VALUES ($1, $2, $3)', [this.exportId, this.seq++, data]);
  }
}

/**
 * Produces export files: the same tables for the background job and for the small files answered
 * in the request. Small reports are computed by their own services (so the file holds exactly the
 * JSON's numbers); dossier lists stream from a server-side cursor into the writer.
 */
@Injectable()
export class ReportExportRunner {
  private readonly logger = new Logger('ReportExports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly indicators: IndicatorsService,
    private readonly ratings: RatingsService,
    private readonly periods: ReportPeriodsService,
    private readonly audit: AuditService,
  ) {}

  /** The context printed on a file: the covered agency's name and who asked. */
  async contextOf(actor: ActorContext, agencyId?: string): Promise<ReportFileContext> {
    const scopePath = await this.reports.scopePath(actor, agencyId);
    return this.contextFor(scopePath, principalOf(actor).displayName);
  }

  private async contextFor(scopePath: string, preparedBy: string): Promise<ReportFileContext> {
    const [agency] = await this.dataSource.query('SELECT name FROM agencies WHERE path = $1', [scopePath]);
    return { reportingUnit: agency?.name ?? scopePath, preparedBy, generatedAt: new Date() };
  }

  /** II.06a as a file in the request (`GET /api/reports/ii06a?format=`), laid out as the background export. */
  async ii06aFile(actor: ActorContext, report: Ii06aReport, format: FileFormat, agencyId?: string): Promise<ReportFile> {
    return renderReportFile(ii06aTable(report, await this.contextOf(actor, agencyId)), format);
  }

  /**
   * Works one export (the pg-boss job, or in-process when jobs are off). Exactly once: the claim
   * takes a QUEUED export (or a RUNNING one whose worker stopped beating) and bumps `attempts`; the
   * file, the DONE status and the audit record commit together only if no later attempt claimed it.
   */
  async run(id: string): Promise<void> {
    const claimed = await this.claim(id);
    if (!claimed) return;
    try {
      await this.produce(claimed);
    } catch (error) {
      if (error instanceof Superseded) return;
      const rejected = error instanceof ExportRejected;
      if (!rejected) this.logger.error({ err: error, exportId: id }, 'Report export failed');
      const message = rejected ? error.message : 'Xuất báo cáo không thành công do lỗi hệ thống; vui lòng tạo lại yêu cầu.';
      await this.dataSource.query(
        `UPDATE report_exports SET status = 'FAILED', error = $3, finished_at = now() WHERE id = $1 AND attempts = $2 AND status = 'RUNNING'`,
        [id, claimed.attempts, message],
      );
    }
  }

  private async claim(id: string): Promise<ExportRow | undefined> {
    const result = await this.dataSource.query(
      `UPDATE report_exports
          SET status = 'RUNNING', attempts = attempts + 1, progress = 0, started_at = now(), heartbeat_at = now(), error = NULL
        WHERE id = $1 AND expires_at > now()
          AND (status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $2)))
        RETURNING *`,
      [id, EXPORT_STALE_SECONDS],
    );
    // UPDATE … RETURNING answers [rows, count] through TypeORM.
    const rows = result[0] as ExportRow[];
    return rows[0];
  }

  private async produce(job: ExportRow): Promise<void> {
    const actor = actorOfRequester(job.requested_by);
    const ctx = await this.contextFor(job.scope_path, job.requested_by.displayName);
    let lastBeat = 0;
    const progress = async (done: number, total: number) => {
      if (Date.now() - lastBeat < PROGRESS_EVERY_MS) return;
      lastBeat = Date.now();
      const percent = total ? Math.min(99, Math.floor((100 * done) / total)) : 0;
      await this.dataSource.query('UPDATE report_exports SET progress = $3, heartbeat_at = now() WHERE id = $1 AND attempts = $2', [
        job.id,
        job.attempts,
        percent,
      ]);
    };
    let cursor: LineCursor | undefined;
    const tx = this.dataSource.createQueryRunner();
    await tx.connect();
    try {
      const table = await this.tableOf(job, actor, ctx, progress, (c) => (cursor = c));
      if (job.format === 'pdf' && (table.expectedRows ?? 0) > PDF_MAX_ROWS) throw new ExportRejected(PDF_TOO_LONG);
      await tx.startTransaction();
      const sink = new ChunkSink(tx, job.id);
      const { rowCount, sha256 } = await writeTable(job.format, table, sink);
      const done = await tx.query(
        `UPDATE report_exports
            SET status = 'DONE', progress = 100, row_count = $3, filename = $4, content_type = $5, size_bytes = $6, sha256 = $7,
                finished_at = now(), heartbeat_at = now(), expires_at = now() + make_interval(days => $8)
          WHERE id = $1 AND attempts = $2 AND status = 'RUNNING'`,
        [
          job.id,
          job.attempts,
          rowCount,
          fileNameOf(table, job.format),
          CONTENT_TYPES[job.format],
          sink.size,
          sha256,
          EXPORT_RETENTION_DAYS,
        ],
        true,
      );
      if (!done.affected) throw new Superseded();
      await this.audit.record(
        actor,
        {
          action: 'report.exported',
          targetType: 'report',
          targetId: job.report,
          after: { format: job.format, ...job.filters, sha256, rows: rowCount, exportId: job.id },
        },
        tx.manager,
      );
      await tx.commitTransaction();
    } catch (error) {
      if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await cursor?.close().catch(() => undefined);
      await tx.release();
    }
  }

  private async tableOf(
    job: ExportRow,
    actor: ActorContext,
    ctx: ReportFileContext,
    progress: (done: number, total: number) => Promise<void>,
    opened: (cursor: LineCursor) => void,
  ): Promise<ReportTable> {
    const f = job.filters;
    const q: SnapshotAwareQuery = {
      from: f['from'],
      to: f['to'],
      agencyId: f['agencyId'],
      procedureCode: f['procedureCode'],
      field: f['field'],
      by: f['by'] as SnapshotAwareQuery['by'],
      source: f['source'] as SnapshotAwareQuery['source'],
    };
    switch (job.report) {
      case 'ii06a':
        return ii06aTable(await this.reports.ii06a(actor, q), ctx);
      case 'procedures':
        return procedureTable(await this.reports.byProcedure(actor, q), ctx);
      case 'indicators':
        return indicatorsTable(await this.indicators.indicators(actor, q), ctx);
      case 'satisfaction':
        return satisfactionTable({ ...(await this.ratings.satisfaction(actor, q)), filters: this.reports.filtersOf(q) }, ctx);
      case 'tracking-book':
      case 'ii06a-dossiers': {
        const book = job.report === 'tracking-book';
        const drill: DrillFilters = { ...q, cell: f['cell'] as DrillFilters['cell'], rowAgencyId: f['rowAgencyId'] };
        const source = book ? undefined : await this.periods.sourceOf(q);
        const cursor = await openLineCursor(this.dataSource, (em) =>
          source ? drillQuery(em, source, drill, job.scope_path) : trackingBookQuery(q, job.scope_path),
        );
        opened(cursor);
        const total = cursor.total;
        async function* rows() {
          const garbage = new GarbageBound();
          let n = 0;
          for await (const batch of cursor.rows) {
            for (const record of batch) yield dossierLineRow(++n, lineValues(record));
            garbage.check();
            await progress(n, total);
          }
        }
        const filters = { ...this.reports.filtersOf(q), ...(book ? {} : { cell: drill.cell, rowAgencyId: drill.rowAgencyId }) };
        const heading = drill.cell === 'lateEntries' ? 'Hồ sơ nhập sau khi khóa sổ' : II06A_HEADINGS_VI[drill.cell as Ii06aCell];
        return dossierListTable(job.report, { from: q.from, to: q.to }, filters, ctx, rows(), total, heading);
      }
    }
  }
}
