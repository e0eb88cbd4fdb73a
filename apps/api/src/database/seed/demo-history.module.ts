import { Module } from '@nestjs/common';
import { CalendarModule } from '../../modules/calendar/calendar.module';
import { DossiersModule } from '../../modules/dossiers/dossiers.module';
import { DemoHistoryService } from './demo-history.service';
import { SeedModule } from './seed.module';

/** The demo's year of dossier history (DEMO_HISTORY), kept apart from the first-start seed that tools reuse. */
@Module({ imports: [SeedModule, DossiersModule, CalendarModule], providers: [DemoHistoryService] })
export class DemoHistoryModule {}
