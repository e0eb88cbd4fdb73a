import { permissionsOf, type ProcessingUnit } from '@motcua/domain';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ActorContext } from '../../common/auth/actor';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../../modules/audit/audit.service';
import { CalendarService } from '../../modules/calendar/calendar.service';
import { DossierImportService } from '../../modules/dossiers/import/dossier-import.service';
import { BootstrapService } from './bootstrap.service';
import { DEMO_HISTORY_SEED, demoHistory, type HistoryProcedure, type HistoryReceptionPoint } from './demo-history';

/** Serialises the history seeding when several API processes start together. */
const HISTORY_LOCK = 7_240_009;
/** Recorded when the import begins, with the moment the history ends: a restart resumes the same history. */
export const DEMO_HISTORY_STARTED = 'demo.history.started';
/** Recorded once the history is in: the marker that it never runs twice on a database. */
export const DEMO_HISTORY_SEEDED = 'demo.history.seeded';
/** Lines per import call; a few calls run side by side (the audit chain serialises only its append). */
const CHUNK = 100;
const PARALLEL = 3;

export interface DemoHistoryResult {
  imported: number;
  skipped: number;
  failed: number;
  rated: number;
  ms: number;
}

/**
 * With DEMO_HISTORY (set by `npm start`), fills a demo database with a year of dossiers through the
 * historical importer, so the dashboard and the reports have something to show. In the background
 * (the API serves meanwhile and the dashboard fills), once per database; an interrupted run resumes
 * the same history at the next start. Browser tests that count queue items run without it.
 */
@Injectable()
export class DemoHistoryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoHistory');
  private running: Promise<unknown> | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importer: DossierImportService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly bootstrap: BootstrapService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** With DEMO_DATA and DEMO_HISTORY: once the catalog is seeded, without holding the start-up up. */
  onApplicationBootstrap(): void {
    if (this.config.demoData && this.config.demoHistory) void this.bootstrap.ready.then(() => this.startInBackground());
  }

  /** Starts the seeding without waiting for it (first start of the demo). */
  startInBackground(): void {
    this.running = this.seedOnce().catch((error: Error) => this.logger.error(`Demo history stopped: ${error.message}`));
  }

  /** Stops between two batches on shutdown, so no import is cut in the middle of a dossier. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Imports the history unless it is in already; null when there was nothing to do (or shutdown came first). */
  async seedOnce(options: { dossiers?: number } = {}): Promise<DemoHistoryResult | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [HISTORY_LOCK]);
      const markers: Array<{ action: string; until: string | null }> = await runner.query(
        `SELECT action, after->>'until' AS until FROM audit_events WHERE action IN ($1, $2) ORDER BY id`,
        [DEMO_HISTORY_STARTED, DEMO_HISTORY_SEEDED],
      );
      if (markers.some((m) => m.action === DEMO_HISTORY_SEEDED)) return null;
      const actor = await this.adminActor();
      const resumed = markers.find((m) => m.action === DEMO_HISTORY_STARTED)?.until;
      const until = resumed ? new Date(resumed) : new Date();
      if (!resumed) {
        await this.audit.record(actor, {
          action: DEMO_HISTORY_STARTED,
          targetType: 'system',
          targetId: 'demo-history',
          after: { seed: DEMO_HISTORY_SEED, until: until.toISOString() },
        });
      }
      return await this.seed(actor, until, options);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [HISTORY_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  private async seed(actor: ActorContext, until: Date, options: { dossiers?: number }): Promise<DemoHistoryResult | null> {
    const started = Date.now();
    const procedures: HistoryProcedure[] = (
      await this.dataSource.query(
        `SELECT p.code, p.level, c.code AS "competentAgencyCode", p.online_regime AS "onlineRegime",
                p.processing_amount AS "processingAmount", p.processing_unit AS "processingUnit", p.documents
           FROM procedures p LEFT JOIN agencies c ON c.id = p.competent_agency_id
          WHERE p.status = 'PUBLISHED' ORDER BY p.code`,
      )
    ).map((p: HistoryProcedure & { documents: Array<{ name: string; mandatory: boolean }>; processingUnit: ProcessingUnit }) => ({
      code: p.code,
      level: p.level,
      competentAgencyCode: p.competentAgencyCode,
      onlineRegime: p.onlineRegime,
      processingAmount: Number(p.processingAmount),
      processingUnit: p.processingUnit,
      mandatoryDocuments: p.documents.filter((d) => d.mandatory).map((d) => d.name),
    }));
    const points: HistoryReceptionPoint[] = await this.dataSource.query(
      'SELECT code, level FROM agencies WHERE is_reception_point AND (valid_to IS NULL OR valid_to >= CURRENT_DATE) ORDER BY code',
    );
    const history = demoHistory(until, procedures, points, await this.calendar.calendar(), options);
    this.logger.log(`Importing ${history.lines.length} demo dossiers of the last year in the background`);

    const chunks: string[][] = [];
    for (let i = 0; i < history.lines.length; i += CHUNK) chunks.push(history.lines.slice(i, i + CHUNK));
    const totals = { imported: 0, skipped: 0, failed: 0 };
    for (let i = 0; i < chunks.length; i += PARALLEL) {
      if (this.stopping) {
        this.logger.log(`Demo history paused after ${totals.imported} dossiers; it resumes at the next start`);
        return null;
      }
      const results = await Promise.all(chunks.slice(i, i + PARALLEL).map((chunk) => this.importer.import(actor, chunk.join('\n'))));
      for (const result of results) {
        totals.imported += result.imported;
        totals.skipped += result.skipped;
        totals.failed += result.failed;
        for (const line of result.lines.filter((l) => l.result === 'FAILED').slice(0, 3)) {
          this.logger.warn(`Demo history line ${line.code} failed: ${line.errors?.join('; ')}`);
        }
      }
    }

    // Ratings keep the day they were given (the satisfaction report counts by it); then the marker.
    return this.dataSource.transaction(async (tx) => {
      const [{ rated }] = await tx.query(
        `WITH r AS (
           INSERT INTO dossier_ratings (dossier_id, access, procedure, officer, result, feedback, comment, created_at)
           SELECT d.id, x.access, x.procedure, x.officer, x.result, x.feedback, x.comment, x.at
             FROM json_to_recordset($1::json) AS x(code text, at timestamptz, access int, procedure int, officer int, result int,
                                                   feedback int, comment text)
             JOIN dossiers d ON d.code = x.code AND d.status = 'RETURNED'
           ON CONFLICT (dossier_id) DO NOTHING RETURNING 1)
         SELECT count(*)::int AS rated FROM r`,
        [JSON.stringify(history.ratings)],
      );
      const result = { ...totals, rated, ms: Date.now() - started };
      await this.audit.record(
        actor,
        {
          action: DEMO_HISTORY_SEEDED,
          targetType: 'system',
          targetId: 'demo-history',
          after: { seed: DEMO_HISTORY_SEED, until: until.toISOString(), ...result, ...history.outcomes },
        },
        tx,
      );
      this.logger.log(`Imported ${totals.imported} demo dossiers (${totals.failed} failed) and ${rated} ratings in ${result.ms} ms`);
      return result;
    });
  }

  /** The history comes in as the administrator's import, like any legacy data. */
  private async adminActor(): Promise<ActorContext> {
    const [admin] = await this.dataSource.query(
      `SELECT u.id, u.username, u.full_name, a.id AS agency_id, a.path FROM users u JOIN agencies a ON a.id = u.agency_id
        WHERE u.username = 'admin'`,
    );
    return {
      requestId: 'demo-history',
      ip: '127.0.0.1',
      principal: {
        kind: 'user',
        id: admin.id,
        name: admin.username,
        displayName: admin.full_name,
        roles: ['ADMIN'],
        permissions: new Set(permissionsOf(['ADMIN'])),
        agencyId: admin.agency_id,
        agencyPath: admin.path,
      },
    };
  }
}
