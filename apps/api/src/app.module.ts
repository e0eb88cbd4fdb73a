import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { DemoHistoryModule } from './database/seed/demo-history.module';
import { SeedModule } from './database/seed/seed.module';
import { AuditModule } from './modules/audit/audit.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { DossiersModule } from './modules/dossiers/dossiers.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { IntegrationModule } from './modules/integration/integration.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { OversightModule } from './modules/oversight/oversight.module';
import { PartiesModule } from './modules/parties/parties.module';
import { ReportsModule } from './modules/reports/reports.module';

@Module({})
export class AppModule {
  /** `databaseUrl` is resolved before boot (the embedded server is started by then). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Nest 11 path syntax for "every route" (the library's default '*' triggers a deprecation warning).
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
            customProps: () => ({ app: 'motcua-api' }),
            // Never log headers: they carry tokens, API keys and cookies.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          migrationsRun: config.runMigrations,
          retryAttempts: 0,
        }),
        AuditModule,
        HealthModule,
        CatalogModule,
        CalendarModule,
        DossiersModule,
        PartiesModule,
        ReportsModule,
        OversightModule,
        IdentityModule,
        IntegrationModule,
        SeedModule,
        DemoHistoryModule,
        JobsModule.forRoot(databaseUrl),
      ],
    };
  }
}
