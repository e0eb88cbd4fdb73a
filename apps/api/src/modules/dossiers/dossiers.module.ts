import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DossiersController } from './dossiers.controller';
import { DossiersRepository } from './dossiers.repository';
import { DossiersService } from './dossiers.service';
import { PublicDossiersController } from './public-dossiers.controller';

@Module({
  imports: [CalendarModule],
  controllers: [DossiersController, PublicDossiersController],
  providers: [DossiersRepository, DossiersService],
  exports: [DossiersService],
})
export class DossiersModule {}
