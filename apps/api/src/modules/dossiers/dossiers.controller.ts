import { DOSSIER_ACTIONS, type DossierAction } from '@motcua/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { Problem } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';
import {
  CreateDossierRequest,
  DossierActionRequest,
  DossierCounts,
  DossierCountsQuery,
  DossierPage,
  DossierResponse,
  ListDossiersQuery,
} from './dto/dossier.dto';
import { DossiersService } from './dossiers.service';
import { DossierFormsService } from './forms/dossier-forms.service';
import { FORMS } from './forms/form-templates';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

@ApiTags('dossiers')
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly forms: DossierFormsService,
  ) {}

  @Post()
  @RequirePermission('dossiers:create')
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body → the same dossier (200); same key, other body → 422',
  })
  @ApiCreatedResponse({
    type: DossierResponse,
    description: 'Counter, postal and portal intakes are accepted at once (status 2); online submissions wait for intake (status 1)',
  })
  @ApiOkResponse({ type: DossierResponse, description: 'Replay of an Idempotency-Key' })
  async receiveDossier(
    @Actor() actor: ActorContext,
    @Body() body: CreateDossierRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DossierResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw validationProblem([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key: 8–128 ký tự chữ, số, . _ : -' }]);
    }
    const { dossier, created } = await this.dossiers.receive(actor, body, idempotencyKey);
    reply.status(created ? 201 : 200);
    return dossier;
  }

  @Get()
  @RequirePermission('dossiers:read')
  @ApiOkResponse({ type: DossierPage })
  listDossiers(@Actor() actor: ActorContext, @Query() query: ListDossiersQuery): Promise<DossierPage> {
    return this.dossiers.list(actor, query);
  }

  @Get('counts')
  @RequirePermission('dossiers:read')
  @ApiOkResponse({ type: DossierCounts, description: 'Work-list tab counts in the caller’s scope, each capped at `limit`' })
  countDossiers(@Actor() actor: ActorContext, @Query() query: DossierCountsQuery): Promise<DossierCounts> {
    return this.dossiers.counts(actor, query);
  }

  @Get(':code')
  @RequirePermission('dossiers:read')
  @ApiOkResponse({ type: DossierResponse })
  getDossier(@Actor() actor: ActorContext, @Param('code') code: string): Promise<DossierResponse> {
    return this.dossiers.get(actor, code);
  }

  @Get(':code/forms/:form')
  @RequirePermission('dossiers:read')
  @ApiParam({
    name: 'form',
    enum: FORMS,
    description: '01 receipt, 02 supplement, 03 refusal, 04 apology, 05 stop, 06 control sheet, 07 tracking-book line',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The form as PDF (Vietnamese text embedded); the print is recorded',
    schema: { type: 'string', format: 'binary' },
  })
  async getDossierForm(
    @Actor() actor: ActorContext,
    @Param('code') code: string,
    @Param('form') form: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, filename } = await this.forms.generate(actor, code, form, `${request.protocol}://${request.host}`);
    reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${filename}"`);
    return pdf;
  }

  /** Each action checks its own permission and the caller's side (one-stop desk or competent agency). */
  @Post(':code/actions/:action')
  @Authenticated()
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: DOSSIER_ACTIONS, enumName: 'DossierAction' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The dossier’s current version, when not in the body' })
  @ApiOkResponse({ type: DossierResponse })
  @ApiConflictResponse({ type: Problem, description: 'Stale version (currentVersion) or an action not allowed now (allowedActions)' })
  applyDossierAction(
    @Actor() actor: ActorContext,
    @Param('code') code: string,
    @Param('action') action: string,
    @Body() body: DossierActionRequest,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<DossierResponse> {
    if (!(DOSSIER_ACTIONS as readonly string[]).includes(action)) {
      throw validationProblem([{ field: 'action', rule: 'isIn', message: `action phải là một trong: ${DOSSIER_ACTIONS.join(', ')}` }]);
    }
    return this.dossiers.act(actor, code, action as DossierAction, body, ifMatch);
  }
}
