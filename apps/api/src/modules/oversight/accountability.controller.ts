import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Problem } from '../../common/problem/problem';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { AccountabilityService } from './accountability.service';
import { AccountabilityQuery, AccountabilityReport } from './dto/accountability.dto';

/** The head of an agency answers for its results (QĐ 3455/QĐ-UBND): one view of them. */
@ApiTags('reports')
@Controller('reports')
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @Get('accountability')
  @RequirePermission('reports:read')
  @ApiOkResponse({
    type: AccountabilityReport,
    description: 'Timeliness, satisfaction, the overdue dossiers with the step and officer holding them, and per-officer figures',
  })
  @ApiNotFoundResponse({ type: Problem, description: 'No such agency (one outside the caller’s scope is 403)' })
  getAccountability(@Actor() actor: ActorContext, @Query() query: AccountabilityQuery): Promise<AccountabilityReport> {
    return this.accountability.report(actor, query);
  }
}
