import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { SlaSweepService } from '../dossiers/sla/sla-sweep.service';
import { DATABASE_URL } from './jobs.tokens';

const SLA_SWEEP = 'sla-sweep';

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
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
  }
}
