import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PartiesController } from './parties.controller';
import { PartiesRepository } from './parties.repository';
import { PartiesService } from './parties.service';
import { PartyAccessLogService } from './party-access-log.service';
import { PartyAdminService } from './party-admin.service';
import { PartyExportsService } from './party-exports.service';
import { PersonalDataCipher } from './personal-data-cipher';

/**
 * The citizen registry (DOMAIN §7). Other modules use `PartiesService` only: the dossier intake
 * calls `resolveApplicant` and `linkDossier` inside its own transaction.
 */
@Module({
  controllers: [PartiesController],
  providers: [
    PartiesRepository,
    PartiesService,
    PartyAdminService,
    PartyExportsService,
    PartyAccessLogService,
    { provide: PersonalDataCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PersonalDataCipher(config.personalData) },
  ],
  exports: [PartiesService],
})
export class PartiesModule {}
