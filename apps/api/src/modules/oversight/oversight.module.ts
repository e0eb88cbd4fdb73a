import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { AccountabilityController } from './accountability.controller';
import { AccountabilityService } from './accountability.service';
import { InspectionsController } from './inspections.controller';
import { InspectionsRepository } from './inspections.repository';
import { InspectionsService } from './inspections.service';
import { PilotsController } from './pilots.controller';
import { PilotsService } from './pilots.service';

/**
 * Oversight (issue 8 §4–§5): inspections by auditors, the head-of-agency accountability view and
 * pilot models. Reads the reports module's counting rules (II.06a predicates, satisfaction) through it.
 */
@Module({
  imports: [ReportsModule],
  controllers: [InspectionsController, AccountabilityController, PilotsController],
  providers: [InspectionsRepository, InspectionsService, AccountabilityService, PilotsService],
})
export class OversightModule {}
