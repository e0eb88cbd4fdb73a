import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { ReportExportRunner } from './exports/report-export-runner';
import { ReportExportsController, TrackingBookController } from './exports/report-exports.controller';
import { ReportExportsService } from './exports/report-exports.service';
import { IndicatorsService } from './indicators.service';
import { RatingsService } from './ratings.service';
import { ReportPeriodsService } from './report-periods.service';
import { PublicRatingController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController, PublicRatingController, DashboardController, ReportExportsController, TrackingBookController],
  providers: [
    ReportsService,
    RatingsService,
    ReportPeriodsService,
    IndicatorsService,
    DashboardService,
    ReportExportsService,
    ReportExportRunner,
  ],
  // ReportsService and RatingsService: the oversight module counts satisfaction and records its exports the same way.
  exports: [ReportExportsService, ReportsService, RatingsService],
})
export class ReportsModule {}
