import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext, principalOf } from '../../common/auth/actor';
import { uuidParam } from '../../common/uuid-param';
import { AgenciesService } from './agencies.service';
import { AgencyResponse, AgencyTreeNode, CreateAgencyRequest, ListAgenciesQuery, UpdateAgencyRequest } from './dto/agency.dto';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @RequirePermission('agencies:read')
  @ApiOkResponse({ type: [AgencyResponse], description: 'Flat list in tree order (by path)' })
  async listAgencies(@Actor() actor: ActorContext, @Query() query: ListAgenciesQuery): Promise<AgencyResponse[]> {
    return (await this.agencies.list(principalOf(actor), query)).map(AgencyResponse.of);
  }

  @Get('tree')
  @RequirePermission('agencies:read')
  @ApiOkResponse({ type: [AgencyTreeNode], description: 'The caller’s subtree, nested' })
  getAgencyTree(@Actor() actor: ActorContext): Promise<AgencyTreeNode[]> {
    return this.agencies.tree(principalOf(actor));
  }

  @Get(':id')
  @RequirePermission('agencies:read')
  @ApiOkResponse({ type: AgencyResponse })
  async getAgency(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<AgencyResponse> {
    return AgencyResponse.of(await this.agencies.get(principalOf(actor), id));
  }

  @Post()
  @RequirePermission('agencies:manage')
  @ApiCreatedResponse({ type: AgencyResponse })
  async createAgency(@Actor() actor: ActorContext, @Body() body: CreateAgencyRequest): Promise<AgencyResponse> {
    return AgencyResponse.of(await this.agencies.create(actor, body));
  }

  @Patch(':id')
  @RequirePermission('agencies:manage')
  @ApiOkResponse({ type: AgencyResponse })
  async updateAgency(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateAgencyRequest,
  ): Promise<AgencyResponse> {
    return AgencyResponse.of(await this.agencies.update(actor, id, body));
  }
}
