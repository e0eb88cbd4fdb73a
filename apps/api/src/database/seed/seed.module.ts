import { Module } from '@nestjs/common';
import { CalendarModule } from '../../modules/calendar/calendar.module';
import { CatalogModule } from '../../modules/catalog/catalog.module';
import { PartiesModule } from '../../modules/parties/parties.module';
import { BootstrapService } from './bootstrap.service';

@Module({ imports: [CalendarModule, CatalogModule, PartiesModule], providers: [BootstrapService], exports: [BootstrapService] })
export class SeedModule {}
