import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext, principalOf } from '../../common/auth/actor';
import { uuidParam } from '../../common/uuid-param';
import { AgenciesService } from './agencies.service';
import { AgencyResponse, ListAgenciesQuery } from './dto/agency.dto';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @RequirePermission('agencies:read')
  @ApiOkResponse({ type: [AgencyResponse] })
  async listAgencies(@Actor() actor: ActorContext, @Query() query: ListAgenciesQuery): Promise<AgencyResponse[]> {
    return (await this.agencies.list(principalOf(actor), query)).map(AgencyResponse.of);
  }

  @Get(':id')
  @RequirePermission('agencies:read')
  @ApiOkResponse({ type: AgencyResponse })
  async getAgency(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<AgencyResponse> {
    return AgencyResponse.of(await this.agencies.get(principalOf(actor), id));
  }
}
