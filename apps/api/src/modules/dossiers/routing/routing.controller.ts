import { type WorkingCalendar } from '@motcua/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated, RequirePermission } from '../../../common/auth/access.decorators';
import { Actor, ActorContext, principalOf } from '../../../common/auth/actor';
import { Problem } from '../../../common/problem/problem';
import { validationProblem } from '../../../common/problem/validation';
import { uuidParam } from '../../../common/uuid-param';
import { CalendarService } from '../../calendar/calendar.service';
import { DossierResponse } from '../dto/dossier.dto';
import { DossiersService } from '../dossiers.service';
import { QueuesRepository } from './queues.repository';
import {
  ControlSheet,
  QUEUES,
  QueueCounts,
  QueueName,
  QueuePage,
  QueueQuery,
  STEP_ACTIONS,
  StepAction,
  StepActionRequest,
} from './routing.dto';
import { toStepView } from './step-views';

const QUEUE_COUNT_CAP = 1000;

function queueName(value: string): QueueName {
  if (!(QUEUES as readonly string[]).includes(value)) {
    throw validationProblem([{ field: 'name', rule: 'isIn', message: `Hàng đợi phải là một trong: ${QUEUES.join(', ')}` }]);
  }
  return value as QueueName;
}

/** Step tasks of a dossier's route, its control sheet (Form 06) and each agency's work queues. */
@ApiTags('routing')
@Controller()
export class RoutingController {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly queues: QueuesRepository,
    private readonly calendar: CalendarService,
  ) {}

  /** The acting agency accepts or returns a step; its leader assigns it; the officer completes it. */
  @Post('dossiers/:code/steps/:stepId/:action')
  @Authenticated()
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: STEP_ACTIONS, enumName: 'StepAction' })
  @ApiOkResponse({ type: DossierResponse })
  @ApiConflictResponse({ type: Problem, description: 'The step is not in a state that allows the action' })
  actOnDossierStep(
    @Actor() actor: ActorContext,
    @Param('code') code: string,
    @Param('stepId', uuidParam('stepId')) stepId: string,
    @Param('action') action: string,
    @Body() body: StepActionRequest,
  ): Promise<DossierResponse> {
    if (!(STEP_ACTIONS as readonly string[]).includes(action)) {
      throw validationProblem([{ field: 'action', rule: 'isIn', message: `action phải là một trong: ${STEP_ACTIONS.join(', ')}` }]);
    }
    return this.dossiers.actOnStep(actor, code, stepId, action as StepAction, body);
  }

  @Get('dossiers/:code/control-sheet')
  @RequirePermission('dossiers:read')
  @ApiOkResponse({ type: ControlSheet, description: 'Form 06 as data: every handover of the route' })
  getControlSheet(@Actor() actor: ActorContext, @Param('code') code: string): Promise<ControlSheet> {
    return this.dossiers.controlSheet(actor, code);
  }

  @Get('queues')
  @RequirePermission('dossiers:read')
  @ApiOkResponse({ type: QueueCounts, description: 'How many steps wait in each queue of the caller’s agency, capped at `limit`' })
  async countQueues(@Actor() actor: ActorContext): Promise<QueueCounts> {
    const principal = principalOf(actor);
    const now = new Date();
    const counts = await this.queues.counts(principal, QUEUES, QUEUE_COUNT_CAP, now);
    const items = QUEUES.map((queue) => {
      const n = counts.get(queue) ?? 0;
      return { queue, count: Math.min(n, QUEUE_COUNT_CAP), more: n > QUEUE_COUNT_CAP };
    });
    return { limit: QUEUE_COUNT_CAP, items };
  }

  @Get('queues/:name')
  @RequirePermission('dossiers:read')
  @ApiParam({ name: 'name', enum: QUEUES, enumName: 'QueueName' })
  @ApiOkResponse({ type: QueuePage })
  async listQueue(@Actor() actor: ActorContext, @Param('name') name: string, @Query() query: QueueQuery): Promise<QueuePage> {
    const principal = principalOf(actor);
    const now = new Date();
    const [calendar, page] = await Promise.all([
      this.calendar.calendar() as Promise<WorkingCalendar>,
      this.queues.page(principal, queueName(name), query.limit ?? 50, query.cursor, now),
    ]);
    return {
      items: page.rows.map((row) => ({
        step: toStepView(row.step, (id) => (id === row.step.agencyId ? row.agencyName : id ? row.sentFromAgencyName : null), calendar, now),
        dossierCode: row.dossierCode,
        procedureName: row.procedureName,
        applicantName: row.applicantName,
        dossierDueAt: row.dossierDueAt?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
