import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { SlaSweepService } from '../dossiers/sla/sla-sweep.service';
import { ReportExportsService } from '../reports/exports/report-exports.service';
import { DATABASE_URL } from './jobs.tokens';

const SLA_SWEEP = 'sla-sweep';
const REPORT_EXPORT = 'report-export';
const REPORT_EXPORT_PURGE = 'report-export-purge';

/**
 * Background jobs on pg-boss, in the product's own PostgreSQL (schema `pgboss`): no extra server.
 * The cron schedule fires once per minute across all API processes.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss?: PgBoss;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly sla: SlaSweepService,
    private readonly exports: ReportExportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    this.boss = new PgBoss({ connectionString: this.databaseUrl, schema: 'pgboss', max: 4 });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss error'));
    await this.boss.start();
    await this.boss.createQueue(SLA_SWEEP);
    await this.boss.schedule(SLA_SWEEP, '* * * * *', undefined, { tz: 'Asia/Ho_Chi_Minh' });
    await this.boss.work(SLA_SWEEP, async () => {
      const { dueSoon, overdue } = await this.sla.sweep();
      if (dueSoon.length || overdue.length) this.logger.log(`SLA sweep: ${dueSoon.length} due soon, ${overdue.length} overdue`);
    });
    await this.startReportExports(this.boss);
  }

  /**
   * Report exports: each job is fetched by one worker of one process (SKIP LOCKED); the export's own
   * claim makes a retried or duplicated job harmless. A job that outlives `expireInSeconds` (its
   * process died) is retried, and the retry takes the export over once its heartbeat is stale.
   */
  private async startReportExports(boss: PgBoss): Promise<void> {
    await boss.createQueue(REPORT_EXPORT, { name: REPORT_EXPORT, retryLimit: 3, retryDelay: 60, expireInSeconds: 15 * 60 });
    await boss.createQueue(REPORT_EXPORT_PURGE);
    await boss.schedule(REPORT_EXPORT_PURGE, '17 3 * * *', undefined, { tz: 'Asia/Ho_Chi_Minh' });
    await boss.work<{ id: string }>(REPORT_EXPORT, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      await this.exports.runQueued(job.data.id);
    });
    await boss.work(REPORT_EXPORT_PURGE, async () => {
      const purged = await this.exports.purgeExpired();
      if (purged) this.logger.log(`Report exports: ${purged} expired file(s) deleted`);
    });
    this.exports.useQueue({
      send: async (exportId, tx) => {
        // Sent through the caller's transaction: the export row and its job commit (or not) together.
        const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: (await tx.query(text, values)) as unknown[] }) };
        await boss.send(REPORT_EXPORT, { id: exportId }, { db });
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
  }
}
