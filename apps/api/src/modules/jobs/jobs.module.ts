import { DynamicModule, Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers/dossiers.module';
import { ReportsModule } from '../reports/reports.module';
import { JobsService } from './jobs.service';
import { DATABASE_URL } from './jobs.tokens';

@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      imports: [DossiersModule, ReportsModule],
      providers: [JobsService, { provide: DATABASE_URL, useValue: databaseUrl }],
    };
  }
}
