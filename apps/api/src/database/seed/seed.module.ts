import { Module } from '@nestjs/common';
import { CalendarModule } from '../../modules/calendar/calendar.module';
import { CatalogModule } from '../../modules/catalog/catalog.module';
import { BootstrapService } from './bootstrap.service';

@Module({ imports: [CalendarModule, CatalogModule], providers: [BootstrapService] })
export class SeedModule {}
