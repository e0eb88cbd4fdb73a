import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext, principalOf } from '../../common/auth/actor';
import { forbidden } from '../../common/auth/access.guard';
import { Problem } from '../../common/problem/problem';
import { uuidParam } from '../../common/uuid-param';
import {
  CreateInspectionRequest,
  InspectionDetail,
  InspectionPage,
  InspectionReport,
  InspectionReportQuery,
  InspectionSampleItem,
  ListInspectionsQuery,
  RecordFindingRequest,
  RedrawInspectionRequest,
} from './dto/inspection.dto';
import type { ReportFile } from '../reports/report-files';
import { InspectionsService } from './inspections.service';

/** Inspections: the auditor's own work records (sample, findings, report); leaders and administrators read them. */
@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Post()
  @RequirePermission('inspections:conduct')
  @ApiCreatedResponse({ type: InspectionDetail, description: 'Opened, with its sample drawn (and the seed, generated when absent)' })
  createInspection(@Actor() actor: ActorContext, @Body() body: CreateInspectionRequest): Promise<InspectionDetail> {
    return this.inspections.create(actor, body);
  }

  @Get()
  @RequirePermission('inspections:read')
  @ApiOkResponse({ type: InspectionPage, description: 'Inspections of agencies in the caller’s scope, newest first' })
  listInspections(@Actor() actor: ActorContext, @Query() query: ListInspectionsQuery): Promise<InspectionPage> {
    return this.inspections.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('inspections:read')
  @ApiOkResponse({ type: InspectionDetail, description: 'The sample with its findings and the counts per verdict and category' })
  @ApiNotFoundResponse({ type: Problem })
  getInspection(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<InspectionDetail> {
    return this.inspections.get(actor, id);
  }

  @Post(':id/redraw')
  @HttpCode(200)
  @RequirePermission('inspections:conduct')
  @ApiOkResponse({ type: InspectionDetail, description: 'The new sample' })
  @ApiConflictResponse({ type: Problem, description: 'FINDINGS_RECORDED (a finding exists) or INSPECTION_CLOSED' })
  redrawInspection(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RedrawInspectionRequest,
  ): Promise<InspectionDetail> {
    return this.inspections.redraw(actor, id, body ?? {});
  }

  @Put(':id/findings/:dossierId')
  @RequirePermission('inspections:conduct')
  @ApiOkResponse({ type: InspectionSampleItem, description: 'The sampled dossier with its finding (recorded again replaces it)' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such inspection in scope, or the dossier is not in its sample' })
  @ApiConflictResponse({ type: Problem, description: 'INSPECTION_CLOSED' })
  recordInspectionFinding(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Body() body: RecordFindingRequest,
  ): Promise<InspectionSampleItem> {
    return this.inspections.recordFinding(actor, id, dossierId, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('inspections:conduct')
  @ApiOkResponse({ type: InspectionDetail, description: 'Closed: frozen, no more findings or draws' })
  @ApiConflictResponse({ type: Problem, description: 'INSPECTION_CLOSED (closed already)' })
  closeInspection(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<InspectionDetail> {
    return this.inspections.close(actor, id);
  }

  @Get(':id/report')
  @RequirePermission('inspections:read')
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOkResponse({
    type: InspectionReport,
    description:
      'JSON, or the same report as CSV / XLSX / PDF with `format` (needs reports:export; audited). Files carry the SHA-256 in X-Export-Sha256.',
  })
  @ApiNotFoundResponse({ type: Problem })
  async getInspectionReport(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: InspectionReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionReport | Buffer> {
    const format = query.format ?? 'json';
    if (format !== 'json' && !principalOf(actor).permissions.has('reports:export')) {
      throw forbidden('Requires the permission reports:export', { requiredPermission: 'reports:export' });
    }
    const report = await this.inspections.report(actor, id, format);
    if (format === 'json') return report as InspectionReport;
    const file = report as ReportFile;
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-export-sha256', file.sha256)
      .header('cache-control', 'no-store');
    return file.body;
  }
}
