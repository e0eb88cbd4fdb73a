import { Injectable, Logger, OnApplicationShutdown, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../../common/auth/actor';
import { ProblemException } from '../../../common/problem/problem';
import { validationProblem } from '../../../common/problem/validation';
import type { FieldError } from '../../../common/problem/problem';
import { periodBounds } from '../report-period';
import { ReportsService } from '../reports.service';
import { lineView, trackingBookQuery, type LineRecord } from './dossier-lines';
import { decodeCursor, encodeCursor } from '../../../common/pagination';
import { EXPORT_RETENTION_DAYS, EXPORT_STALE_SECONDS, ReportExportRunner, requesterOf, type ExportRow } from './report-export-runner';
import {
  SNAPSHOT_AWARE_REPORTS,
  type CreateReportExportRequest,
  type ReportExportList,
  type ReportExportView,
  type TrackingBookPage,
  type TrackingBookQuery,
} from './report-exports.dto';

/** How an export is handed to the background workers (pg-boss), set by the jobs module when jobs run. */
export interface ExportQueue {
  /** Enqueues inside the caller's transaction, so the export row and its job commit together. */
  send(exportId: string, tx: EntityManager): Promise<void>;
}

/** Exports run in this process when no queue is attached, at most this many at a time. */
const IN_PROCESS_CONCURRENCY = 2;

const notFound = () =>
  new ProblemException({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy yêu cầu xuất báo cáo này.' });

function toView(row: ExportRow): ReportExportView {
  return {
    id: row.id,
    report: row.report,
    format: row.format,
    status: row.status,
    progress: row.progress,
    ...(row.row_count !== null ? { rowCount: row.row_count } : {}),
    ...(row.filename ? { filename: row.filename } : {}),
    ...(row.size_bytes !== null ? { sizeBytes: row.size_bytes } : {}),
    ...(row.sha256 ? { sha256: row.sha256 } : {}),
    ...(row.error ? { error: row.error } : {}),
    filters: row.filters,
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.finished_at ? { finishedAt: new Date(row.finished_at).toISOString() } : {}),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/**
 * Background report exports (issue 8 §6) and the tracking book. An export is validated like its
 * report when asked for (period, scope, filters), queued in the same transaction as its row, worked
 * by one pg-boss worker in any API process (or here, in-process, when jobs are off), and served from
 * the database by any process. Only the requester sees it. Files expire after
 * `EXPORT_RETENTION_DAYS` days: the purge job (and every new request) deletes them.
 */
@Injectable()
export class ReportExportsService implements OnApplicationShutdown {
  private readonly logger = new Logger('ReportExports');
  private queue?: ExportQueue;
  private readonly waiting: string[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly runner: ReportExportRunner,
  ) {}

  /** Called by the jobs module once pg-boss has started. */
  useQueue(queue: ExportQueue): void {
    this.queue = queue;
  }

  async create(actor: ActorContext, body: CreateReportExportRequest): Promise<ReportExportView> {
    const errors: FieldError[] = [];
    if (body.report === 'ii06a-dossiers' && !body.cell) {
      errors.push({ field: 'cell', rule: 'required', message: 'Cần chọn chỉ tiêu (cell) để xuất danh sách hồ sơ' });
    }
    for (const field of ['cell', 'rowAgencyId'] as const) {
      if (body.report !== 'ii06a-dossiers' && body[field] !== undefined) {
        errors.push({ field, rule: 'onlyForDrillDown', message: `${field} chỉ dùng cho report=ii06a-dossiers` });
      }
    }
    if (body.source !== undefined && !SNAPSHOT_AWARE_REPORTS.includes(body.report)) {
      errors.push({ field: 'source', rule: 'notApplicable', message: `Báo cáo ${body.report} không có tùy chọn source` });
    }
    if (errors.length) throw validationProblem(errors);
    periodBounds(body); // from after to, over five years → 400
    const scopePath = await this.reports.scopePath(actor, body.agencyId); // outside the caller's scope → 404
    const filters = Object.fromEntries(
      Object.entries({
        from: body.from.slice(0, 10),
        to: body.to.slice(0, 10),
        agencyId: body.agencyId,
        procedureCode: body.procedureCode,
        field: body.field,
        by: body.by,
        source: body.source,
        cell: body.cell,
        rowAgencyId: body.rowAgencyId,
      }).filter(([, v]) => v !== undefined && v !== ''),
    );
    await this.purgeExpired();
    const queue = this.queue;
    const row = await this.dataSource.transaction(async (tx) => {
      const [inserted]: ExportRow[] = await tx.query(
        `INSERT INTO report_exports (report, format, filters, scope_path, requested_by_id, requested_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING *`,
        [body.report, body.format, filters, scopePath, principalOf(actor).id, requesterOf(actor), EXPORT_RETENTION_DAYS],
      );
      if (queue) await queue.send(inserted.id, tx);
      return inserted;
    });
    if (!queue) this.runHere(row.id);
    return toView(row);
  }

  async list(actor: ActorContext): Promise<ReportExportList> {
    const p = principalOf(actor);
    const rows: ExportRow[] = await this.dataSource.query(
      `SELECT * FROM report_exports
        WHERE requested_by_id = $1 AND requested_by->>'kind' = $2 AND expires_at > now()
        ORDER BY created_at DESC, id DESC LIMIT 50`,
      [p.id, p.kind],
    );
    return { items: rows.map(toView) };
  }

  async get(actor: ActorContext, id: string): Promise<ReportExportView> {
    const row = await this.ownRow(actor, id);
    this.resumeIfStale(row);
    return toView(row);
  }

  /** The finished file, streamed chunk by chunk from the database. */
  async file(actor: ActorContext, id: string): Promise<StreamableFile> {
    const row = await this.ownRow(actor, id);
    if (row.status === 'FAILED') {
      throw new ProblemException({
        status: 409,
        code: 'EXPORT_FAILED',
        title: 'Conflict',
        detail: row.error ?? 'Xuất báo cáo không thành công.',
      });
    }
    if (row.status !== 'DONE') {
      throw new ProblemException({
        status: 409,
        code: 'EXPORT_NOT_READY',
        title: 'Conflict',
        detail: `Tệp chưa sẵn sàng (đã xong ${row.progress} %). Vui lòng thử lại sau.`,
      });
    }
    const dataSource = this.dataSource;
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM report_export_chunks WHERE export_id = $1', [id]);
    // One chunk in memory at a time; the stream ends right after the last one.
    async function* chunks(): AsyncIterable<Buffer> {
      for (let seq = 0; seq < n; seq++) {
        const [chunk] = await dataSource.query('SELECT data FROM report_export_chunks WHERE export_id = $1 AND seq = $2', [id, seq]);
        yield chunk.data as Buffer;
      }
    }
    return new StreamableFile(Readable.from(chunks()), {
      type: row.content_type ?? 'application/octet-stream',
      disposition: `attachment; filename="${row.filename}"`,
      length: row.size_bytes ?? undefined,
    });
  }

  /** Deletes expired exports with their files (cascade). */
  async purgeExpired(): Promise<number> {
    // DELETE answers [rows, count] through TypeORM.
    const [, count] = await this.dataSource.query('DELETE FROM report_exports WHERE expires_at <= now()');
    return Number(count ?? 0);
  }

  /** The pg-boss worker's entry point. */
  runQueued(id: string): Promise<void> {
    return this.runner.run(id);
  }

  async trackingBook(actor: ActorContext, q: TrackingBookQuery): Promise<TrackingBookPage> {
    const scopePath = await this.reports.scopePath(actor, q.agencyId);
    const limit = q.limit ?? 100;
    const after = q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;
    const { sql, params } = trackingBookQuery(q, scopePath, after, limit + 1);
    const rows: LineRecord[] = await this.dataSource.query(sql, params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      from: q.from.slice(0, 10),
      to: q.to.slice(0, 10),
      filters: this.reports.filtersOf(q),
      items: page.map(lineView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.received_key, last.code]) : null,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.waiting.length = 0;
    // Give in-process exports a moment; an interrupted one is taken over once its heartbeat is stale.
    await Promise.race([Promise.allSettled([...this.running]), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  }

  private async ownRow(actor: ActorContext, id: string): Promise<ExportRow> {
    const p = principalOf(actor);
    const [row]: ExportRow[] = await this.dataSource.query(
      `SELECT * FROM report_exports WHERE id = $1 AND requested_by_id = $2 AND requested_by->>'kind' = $3 AND expires_at > now()`,
      [id, p.id, p.kind],
    );
    if (!row) throw notFound();
    return row;
  }

  /**
   * Never hangs: a running export whose worker stopped beating (a process died) is handed out again;
   * without a queue, so is a queued one that no process is working on.
   */
  private resumeIfStale(row: ExportRow): void {
    const staleBefore = Date.now() - EXPORT_STALE_SECONDS * 1000;
    const beat = row.heartbeat_at ?? row.created_at;
    const stale = new Date(beat).getTime() < staleBefore;
    if (!stale) return;
    if (row.status === 'RUNNING' || (row.status === 'QUEUED' && !this.queue)) {
      if (this.queue) {
        const queue = this.queue;
        void this.dataSource
          .transaction((tx) => queue.send(row.id, tx))
          .catch((error) => this.logger.error({ err: error }, 'Re-queue failed'));
      } else if (!this.waiting.includes(row.id)) {
        this.runHere(row.id);
      }
    }
  }

  /** Runs an export in this process (jobs off), a bounded number at a time. */
  private runHere(id: string): void {
    this.waiting.push(id);
    this.drain();
  }

  private drain(): void {
    while (this.running.size < IN_PROCESS_CONCURRENCY && this.waiting.length) {
      const id = this.waiting.shift() as string;
      const run: Promise<void> = this.runner
        .run(id)
        .catch((error) => this.logger.error({ err: error, exportId: id }, 'In-process export failed'))
        .finally(() => {
          this.running.delete(run);
          this.drain();
        });
      this.running.add(run);
    }
  }
}
