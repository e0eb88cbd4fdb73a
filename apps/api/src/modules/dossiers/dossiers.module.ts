import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { IntegrationModule } from '../integration/integration.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PartiesModule } from '../parties/parties.module';
import { QueuesRepository } from './routing/queues.repository';
import { RoutingController } from './routing/routing.controller';
import { RoutingService } from './routing/routing.service';
import { FileStorage, LocalFileStorage } from '../../common/storage/file-storage';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { DossiersController } from './dossiers.controller';
import { DossierImportController } from './import/dossier-import.controller';
import { DossierImportService } from './import/dossier-import.service';
import { DossiersRepository } from './dossiers.repository';
import { DossiersService } from './dossiers.service';
import { DossierFormsService } from './forms/dossier-forms.service';
import { PublicDossiersController } from './public-dossiers.controller';
import { SlaSweepService } from './sla/sla-sweep.service';

@Module({
  imports: [CalendarModule, NotificationsModule, PartiesModule, IntegrationModule],
  controllers: [DossiersController, RoutingController, AttachmentsController, PublicDossiersController, DossierImportController],
  providers: [
    DossiersRepository,
    DossiersService,
    RoutingService,
    QueuesRepository,
    DossierFormsService,
    AttachmentsService,
    SlaSweepService,
    DossierImportService,
    { provide: FileStorage, useClass: LocalFileStorage },
  ],
  exports: [DossiersService, SlaSweepService, DossierImportService],
})
export class DossiersModule {}
