import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { CursorQuery } from '../../common/pagination';
import { Problem } from '../../common/problem/problem';
import { uuidParam } from '../../common/uuid-param';
import { CreatePilotRequest, PilotComparison, PilotPage, PilotResponse, UpdatePilotRequest } from './dto/pilot.dto';
import { PilotsService } from './pilots.service';

/** Pilot models of the one-stop service: administrators record them, leaders and auditors read the comparison. */
@ApiTags('pilots')
@Controller('pilots')
export class PilotsController {
  constructor(private readonly pilots: PilotsService) {}

  @Post()
  @RequirePermission('pilots:manage')
  @ApiCreatedResponse({ type: PilotResponse })
  createPilot(@Actor() actor: ActorContext, @Body() body: CreatePilotRequest): Promise<PilotResponse> {
    return this.pilots.create(actor, body);
  }

  /** For those who read reports and for the administrators who record pilots (checked in the service). */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: PilotPage, description: 'Pilots with an agency in the caller’s scope, latest start first' })
  listPilots(@Actor() actor: ActorContext, @Query() query: CursorQuery): Promise<PilotPage> {
    return this.pilots.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: PilotResponse, description: 'Needs reports:read or pilots:manage' })
  @ApiNotFoundResponse({ type: Problem })
  getPilot(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<PilotResponse> {
    return this.pilots.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('pilots:manage')
  @ApiOkResponse({ type: PilotResponse })
  @ApiConflictResponse({ type: Problem, description: 'STALE_VERSION: someone saved first' })
  @ApiNotFoundResponse({ type: Problem })
  updatePilot(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdatePilotRequest,
  ): Promise<PilotResponse> {
    return this.pilots.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('pilots:manage')
  @ApiNoContentResponse({ description: 'Deleted (the audit trail keeps what it was)' })
  @ApiNotFoundResponse({ type: Problem })
  deletePilot(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.pilots.remove(actor, id);
  }

  @Get(':id/comparison')
  @RequirePermission('reports:read')
  @ApiOkResponse({
    type: PilotComparison,
    description: 'On-time rate, processing time, online share and satisfaction: before vs during, pilot agencies vs the others',
  })
  @ApiConflictResponse({ type: Problem, description: 'PILOT_NOT_STARTED' })
  @ApiNotFoundResponse({ type: Problem })
  getPilotComparison(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<PilotComparison> {
    return this.pilots.comparison(actor, id);
  }
}
