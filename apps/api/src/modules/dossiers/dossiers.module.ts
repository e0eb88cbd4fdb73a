import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DossiersController } from './dossiers.controller';
import { DossiersRepository } from './dossiers.repository';
import { DossiersService } from './dossiers.service';
import { DossierFormsService } from './forms/dossier-forms.service';
import { PublicDossiersController } from './public-dossiers.controller';

@Module({
  imports: [CalendarModule],
  controllers: [DossiersController, PublicDossiersController],
  providers: [DossiersRepository, DossiersService, DossierFormsService],
  exports: [DossiersService],
})
export class DossiersModule {}
