import { Module } from '@nestjs/common';
import { RatingsService } from './ratings.service';
import { PublicRatingController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController, PublicRatingController],
  providers: [ReportsService, RatingsService],
})
export class ReportsModule {}
