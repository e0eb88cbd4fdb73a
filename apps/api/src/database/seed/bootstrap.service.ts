import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, DEMO_PASSWORD } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../../modules/audit/audit.service';
import { CalendarService } from '../../modules/calendar/calendar.service';
import { Procedure } from '../../modules/catalog/entities/procedure.entity';
import { ProceduresService } from '../../modules/catalog/procedures.service';
import { PartiesService } from '../../modules/parties/parties.service';
import { Agency } from '../../modules/catalog/entities/agency.entity';
import { User } from '../../modules/identity/entities/user.entity';
import { hashPassword } from '../../modules/identity/passwords';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { AgencySeed, DEMO_AGENCY_TREE, PROVINCE_ROOT } from './demo-agencies';
import { DEMO_PROCEDURES } from './demo-procedures';

/** Serialises first-start seeding when several API processes start together. */
const SEED_LOCK = 7_240_002;

/**
 * First start: the province root and the `admin` account (ADMIN_PASSWORD, or the documented demo
 * password in development); with DEMO_DATA, the An Giang agency tree and one account per role.
 * Idempotent: existing rows are never changed.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly procedures: ProceduresService,
    private readonly parties: PartiesService,
  ) {}

  private markReady!: () => void;
  /** Resolves once the first-start seeding is in (the demo history replays into its catalog). */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const tree = this.config.demoData ? DEMO_AGENCY_TREE : PROVINCE_ROOT;
      const created = await this.seedAgencies(tx, tree, null, '/');
      if (created) this.logger.log(`Seeded ${created} agencies`);
      await this.seedAccounts(tx);
      await this.calendar.ensureSeeded(tx);
      if (this.config.demoData) await this.seedProcedures(tx);
    });
    this.markReady();
    // Dossiers received before the citizen registry: register their applicants in the background
    // (batched, resumable), with the other background jobs.
    if (this.config.jobsEnabled) this.parties.startLegacyAdoption();
  }

  private async seedAgencies(tx: EntityManager, seed: AgencySeed, parent: Agency | null, parentPath: string): Promise<number> {
    let agency = await tx.findOneBy(Agency, { code: seed.code });
    let created = 0;
    if (!agency) {
      const id = (await tx.query('SELECT gen_random_uuid() AS id'))[0].id as string;
      agency = tx.create(Agency, {
        id,
        code: seed.code,
        name: seed.name,
        shortName: seed.shortName ?? null,
        level: seed.level,
        parentId: parent?.id ?? null,
        path: `${parentPath}${id}/`,
        isReceptionPoint: seed.isReceptionPoint ?? false,
        address: seed.address ?? null,
        phone: seed.phone ?? null,
      });
      await tx.save(agency);
      created += 1;
    }
    for (const child of seed.children ?? []) created += await this.seedAgencies(tx, child, agency, agency.path);
    return created;
  }

  /** The demo catalog, published, through the same service (and checks) as the API. */
  private async seedProcedures(tx: EntityManager): Promise<void> {
    if ((await tx.count(Procedure)) > 0) return;
    const agencies = new Map((await tx.find(Agency, { select: { id: true, code: true } })).map((a) => [a.code, a.id]));
    const idOf = (code: string) => {
      const id = agencies.get(code);
      if (!id) throw new Error(`Demo procedure refers to unknown agency ${code}`);
      return id;
    };
    for (const seed of DEMO_PROCEDURES) {
      const { competentAgencyCode, steps, ...rest } = seed;
      await this.procedures.create(
        undefined,
        {
          ...rest,
          competentAgencyId: competentAgencyCode ? idOf(competentAgencyCode) : null,
          steps: steps.map(({ agencyCode, ...step }) => ({ ...step, agencyId: agencyCode ? idOf(agencyCode) : null })),
        },
        { publish: true, manager: tx },
      );
    }
    this.logger.log(`Seeded ${DEMO_PROCEDURES.length} demo procedures`);
  }

  private async seedAccounts(tx: EntityManager): Promise<void> {
    const wanted = [
      { username: 'admin', fullName: 'Quản trị hệ thống', agencyCode: PROVINCE_ROOT.code, roles: ['ADMIN' as const] },
      ...(this.config.demoData ? DEMO_ACCOUNTS : []),
    ];
    const existing = new Set((await tx.find(User, { select: { username: true } })).map((u) => u.username));
    const missing = wanted.filter((account) => !existing.has(account.username));
    if (!missing.length) return;

    // One hash for every demo account: they share the documented demo password.
    const adminPassword = this.config.adminPassword ?? DEMO_PASSWORD;
    const [adminHash, demoHash] = await Promise.all([hashPassword(adminPassword), hashPassword(DEMO_PASSWORD)]);
    for (const account of missing) {
      const agency = await tx.findOneByOrFail(Agency, { code: account.agencyCode });
      const user = tx.create(User, {
        username: account.username,
        fullName: account.fullName,
        agencyId: agency.id,
        roles: account.roles,
        passwordHash: account.username === 'admin' ? adminHash : demoHash,
        passwordChangedAt: new Date(),
      });
      await tx.save(user);
      await this.audit.record(
        undefined,
        { action: 'user.seeded', targetType: 'user', targetId: user.id, after: { username: user.username, roles: user.roles } },
        tx,
      );
    }
    if (!this.config.adminPassword && missing.some((a) => a.username === 'admin')) {
      this.logger.warn('ADMIN_PASSWORD is not set: the admin account uses the documented demo password. Change it.');
    }
    this.logger.log(`Created ${missing.length} accounts`);
  }
}
