import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService } from './agencies.service';
import { ProcedureImportService } from './procedure-import.service';
import { ProceduresController } from './procedures.controller';
import { ProceduresRepository } from './procedures.repository';
import { ProceduresService } from './procedures.service';
import { PublicProceduresController } from './public-procedures.controller';

@Module({
  controllers: [AgenciesController, ProceduresController, PublicProceduresController],
  providers: [AgenciesRepository, AgenciesService, ProceduresRepository, ProceduresService, ProcedureImportService],
  exports: [AgenciesService, ProceduresService],
})
export class CatalogModule {}
