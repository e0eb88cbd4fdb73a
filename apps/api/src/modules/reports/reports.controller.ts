import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, Public, RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext, principalOf } from '../../common/auth/actor';
import { Problem, ProblemException } from '../../common/problem/problem';
import { IpRateLimiter, tooManyRequests } from '../../common/rate-limit.guard';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PublicLookupQuery } from '../dossiers/dto/dossier.dto';
import { IndicatorsService } from './indicators.service';
import { ReportExportRunner } from './exports/report-export-runner';
import { ReportPeriodsService } from './report-periods.service';
import { RatingRequest } from './ratings.dto';
import { RatingsService } from './ratings.service';
import {
  ClosedPeriod,
  ClosedPeriodList,
  Ii06aDossierPage,
  Ii06aDrillQuery,
  Ii06aQuery,
  Ii06aReport,
  IndicatorsReport,
  PartiesServedReport,
  PeriodVerification,
  ProcedureReport,
  ReportPeriodQuery,
  SatisfactionReport,
  SnapshotAwareQuery,
} from './reports.dto';
import { ReportsService } from './reports.service';

/** Reports for leaders and auditors (DOMAIN §9), always within the caller's agency subtree. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly ratings: RatingsService,
    private readonly periods: ReportPeriodsService,
    private readonly indicators: IndicatorsService,
    private readonly files: ReportExportRunner,
  ) {}

  @Get('ii06a')
  @RequirePermission('reports:read')
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOkResponse({ type: Ii06aReport, description: 'JSON, or the same numbers as CSV / XLSX / PDF with `format`' })
  async getIi06a(
    @Actor() actor: ActorContext,
    @Query() query: Ii06aQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Ii06aReport | Buffer> {
    const format = query.format ?? 'json';
    if (format !== 'json' && !principalOf(actor).permissions.has('reports:export')) {
      throw new ProblemException({ status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail: 'Requires the permission reports:export' });
    }
    const report = await this.reports.ii06a(actor, query);
    if (format === 'json') return report;
    const file = await this.files.ii06aFile(actor, report, format, query.agencyId);
    await this.reports.recordExport(actor, 'ii06a', format, { from: report.from, to: report.to, ...report.filters }, file.sha256);
    reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  @Get('ii06a/dossiers')
  @RequirePermission('reports:read')
  @ApiOkResponse({ type: Ii06aDossierPage, description: 'The dossiers behind one number (same filters, same count)' })
  getIi06aDossiers(@Actor() actor: ActorContext, @Query() query: Ii06aDrillQuery): Promise<Ii06aDossierPage> {
    return this.reports.ii06aDossiers(actor, query);
  }

  @Get('parties-served')
  @RequirePermission('reports:read')
  @ApiOkResponse({ type: PartiesServedReport, description: 'Distinct persons and organisations served per agency in the period' })
  getPartiesServed(@Actor() actor: ActorContext, @Query() query: ReportPeriodQuery): Promise<PartiesServedReport> {
    return this.reports.partiesServed(actor, query);
  }

  @Get('satisfaction')
  @RequirePermission('reports:read')
  @ApiOkResponse({ type: SatisfactionReport })
  getSatisfaction(@Actor() actor: ActorContext, @Query() query: ReportPeriodQuery): Promise<SatisfactionReport> {
    return this.ratings.satisfaction(actor, query);
  }

  @Get('procedures')
  @RequirePermission('reports:read')
  @ApiOkResponse({ type: ProcedureReport, description: 'The II.06a counters per procedure; the rows sum to the II.06a total' })
  getProcedureReport(@Actor() actor: ActorContext, @Query() query: SnapshotAwareQuery): Promise<ProcedureReport> {
    return this.reports.byProcedure(actor, query);
  }

  @Get('indicators')
  @RequirePermission('reports:read')
  @ApiOkResponse({ type: IndicatorsReport, description: 'Decision 766/QĐ-TTg indicators: rate, target, Pmax and score per agency' })
  getIndicators766(@Actor() actor: ActorContext, @Query() query: ReportPeriodQuery): Promise<IndicatorsReport> {
    return this.indicators.indicators(actor, query);
  }

  /** Closed months; for those who read reports and for the administrators who close them (checked in the service). */
  @Get('periods')
  @Authenticated()
  @ApiOkResponse({ type: ClosedPeriodList })
  listReportPeriods(@Actor() actor: ActorContext): Promise<ClosedPeriodList> {
    return this.periods.list(actor);
  }

  @Post('periods/:month/close')
  @RequirePermission('reports:close')
  @ApiCreatedResponse({ type: ClosedPeriod, description: 'The month’s II.06a frozen with its dossiers and hash' })
  @ApiConflictResponse({ type: Problem, description: 'PERIOD_CLOSED (closed already) or PERIOD_NOT_OVER (the month has not ended)' })
  closeReportPeriod(@Actor() actor: ActorContext, @Param('month') month: string): Promise<ClosedPeriod> {
    return this.periods.close(actor, month);
  }

  @Get('periods/:month/verify')
  @RequirePermission('audit:verify')
  @ApiOkResponse({ type: PeriodVerification, description: 'Recomputes the closed month’s hash from its stored snapshot' })
  verifyReportPeriod(@Param('month') month: string): Promise<PeriodVerification> {
    return this.periods.verify(month);
  }
}

/** The applicant rates a returned dossier with the receipt's secret; no account, once. */
@ApiTags('public')
@Controller('public/dossiers')
export class PublicRatingController {
  private readonly limiter: IpRateLimiter;

  constructor(
    private readonly ratings: RatingsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new IpRateLimiter(config.publicRateLimitPerMinute, 60_000);
  }

  @Post(':code/rating')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Recorded' })
  async rateDossier(
    @Actor() actor: ActorContext,
    @Param('code') code: string,
    @Query() query: PublicLookupQuery,
    @Body() body: RatingRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const wait = this.limiter.hit(request.ip);
    if (wait > 0) throw tooManyRequests(reply, wait, 'Quá nhiều lượt gửi. Vui lòng thử lại sau.');
    await this.ratings.rate(actor, code, query.secret, body);
  }
}
