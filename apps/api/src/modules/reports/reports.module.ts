import { Module } from '@nestjs/common';
import { IndicatorsService } from './indicators.service';
import { RatingsService } from './ratings.service';
import { ReportPeriodsService } from './report-periods.service';
import { PublicRatingController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController, PublicRatingController],
  providers: [ReportsService, RatingsService, ReportPeriodsService, IndicatorsService],
})
export class ReportsModule {}
