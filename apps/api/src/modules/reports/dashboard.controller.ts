import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { Dashboard, DashboardQuery } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

/** The admin's home for those who read reports: the same numbers as the reports, at a glance. */
@ApiTags('reports')
@Controller('reports')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get('dashboard')
  @RequirePermission('reports:read')
  @ApiOkResponse({
    type: Dashboard,
    description:
      'Received vs resolved per bucket, II.06a totals and per direct child agency, open overdue / due-soon counts, ' +
      'online share, satisfaction and the Decision 766 scores, for the same filters as the reports and in the caller’s scope',
  })
  getDashboard(@Actor() actor: ActorContext, @Query() query: DashboardQuery): Promise<Dashboard> {
    return this.dashboards.dashboard(actor, query);
  }
}
