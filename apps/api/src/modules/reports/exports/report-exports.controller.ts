import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RequirePermission } from '../../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../../common/auth/actor';
import { Problem } from '../../../common/problem/problem';
import { CONTENT_TYPES } from '../report-files';
import { CreateReportExportRequest, ReportExportList, ReportExportView, TrackingBookPage, TrackingBookQuery } from './report-exports.dto';
import { ReportExportsService } from './report-exports.service';

class ExportIdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

/** Report files made in the background: ask, follow the progress, download (issue 8 §6). */
@ApiTags('reports')
@Controller('reports/exports')
export class ReportExportsController {
  constructor(private readonly exports: ReportExportsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('reports:export')
  @ApiAcceptedResponse({ type: ReportExportView, description: 'Queued; follow it with getReportExport' })
  @ApiNotFoundResponse({ type: Problem, description: 'The agency is not in the caller’s scope' })
  createReportExport(@Actor() actor: ActorContext, @Body() body: CreateReportExportRequest): Promise<ReportExportView> {
    return this.exports.create(actor, body);
  }

  @Get()
  @RequirePermission('reports:export')
  @ApiOkResponse({ type: ReportExportList })
  listReportExports(@Actor() actor: ActorContext): Promise<ReportExportList> {
    return this.exports.list(actor);
  }

  @Get(':id')
  @RequirePermission('reports:export')
  @ApiOkResponse({ type: ReportExportView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such export of the caller' })
  getReportExport(@Actor() actor: ActorContext, @Param() params: ExportIdParam): Promise<ReportExportView> {
    return this.exports.get(actor, params.id);
  }

  @Get(':id/file')
  @RequirePermission('reports:export')
  @ApiProduces(...new Set(Object.values(CONTENT_TYPES)))
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ type: Problem, description: 'EXPORT_NOT_READY (still queued or running) or EXPORT_FAILED' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such export of the caller (or it expired)' })
  downloadReportExport(@Actor() actor: ActorContext, @Param() params: ExportIdParam): Promise<StreamableFile> {
    return this.exports.file(actor, params.id);
  }
}

/** The tracking book (Sổ theo dõi hồ sơ, Form 07) of a subtree and period, page by page. */
@ApiTags('reports')
@Controller('reports')
export class TrackingBookController {
  constructor(private readonly exports: ReportExportsService) {}

  @Get('tracking-book')
  @RequirePermission('reports:read')
  @ApiOkResponse({ type: TrackingBookPage, description: 'Dossiers received in the period, in order of receipt (keyset pages)' })
  getTrackingBook(@Actor() actor: ActorContext, @Query() query: TrackingBookQuery): Promise<TrackingBookPage> {
    return this.exports.trackingBook(actor, query);
  }
}
