import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { ProblemException } from '../../common/problem/problem';
import { uuidParam } from '../../common/uuid-param';
import {
  CreateProcedureRequest,
  ImportProceduresQuery,
  ImportProceduresResponse,
  ImportRejectedProblem,
  ListProceduresQuery,
  ProcedurePage,
  ProcedureResponse,
  UpdateProcedureRequest,
  VersionedActionRequest,
} from './dto/procedure.dto';
import { ProcedureImportService } from './procedure-import.service';
import { unsupportedFile } from './procedure-import';
import { ProceduresService } from './procedures.service';

type MultipartRequest = FastifyRequest & {
  isMultipart(): boolean;
  file(): Promise<{ toBuffer(): Promise<Buffer> } | undefined>;
};

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly importer: ProcedureImportService,
  ) {}

  @Get()
  @RequirePermission('procedures:read')
  @ApiOkResponse({ type: ProcedurePage })
  listProcedures(@Query() query: ListProceduresQuery): Promise<ProcedurePage> {
    return this.procedures.list(query);
  }

  @Get('fields')
  @RequirePermission('procedures:read')
  @ApiOkResponse({ type: [String], description: 'Fields (lĩnh vực) of the published catalog' })
  listProcedureFields(): Promise<string[]> {
    return this.procedures.fields();
  }

  @Get(':id')
  @RequirePermission('procedures:read')
  @ApiOkResponse({ type: ProcedureResponse })
  getProcedure(@Param('id', uuidParam('id')) id: string): Promise<ProcedureResponse> {
    return this.procedures.get(id);
  }

  @Post()
  @RequirePermission('procedures:manage')
  @ApiCreatedResponse({ type: ProcedureResponse, description: 'Version 1, as a draft' })
  createProcedure(@Actor() actor: ActorContext, @Body() body: CreateProcedureRequest): Promise<ProcedureResponse> {
    return this.procedures.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('procedures:manage')
  @ApiOkResponse({ type: ProcedureResponse, description: 'Only drafts can be edited' })
  updateProcedure(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateProcedureRequest,
  ): Promise<ProcedureResponse> {
    return this.procedures.update(actor, id, body);
  }

  @Post(':id/versions')
  @RequirePermission('procedures:manage')
  @ApiCreatedResponse({ type: ProcedureResponse, description: 'A new draft version copied from this one' })
  createProcedureVersion(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<ProcedureResponse> {
    return this.procedures.newVersion(actor, id);
  }

  @Post(':id/publish')
  @RequirePermission('procedures:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureResponse, description: 'The previously published version is retired (kept for its dossiers)' })
  publishProcedure(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: VersionedActionRequest,
  ): Promise<ProcedureResponse> {
    return this.procedures.publish(actor, id, body.version);
  }

  @Post(':id/retire')
  @RequirePermission('procedures:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureResponse })
  retireProcedure(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: VersionedActionRequest,
  ): Promise<ProcedureResponse> {
    return this.procedures.retire(actor, id, body.version);
  }

  @Post('import')
  @RequirePermission('procedures:manage')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'XLSX or CSV' } } },
  })
  @ApiOkResponse({ type: ImportProceduresResponse })
  @ApiUnprocessableEntityResponse({
    type: ImportRejectedProblem,
    description: 'Bad rows (nothing written in mode "all"); `rejected` lists each line and reason',
  })
  async importProcedures(
    @Actor() actor: ActorContext,
    @Req() request: MultipartRequest,
    @Query() query: ImportProceduresQuery,
  ): Promise<ImportProceduresResponse> {
    if (!request.isMultipart()) throw unsupportedFile();
    const part = await request.file();
    if (!part) {
      throw new ProblemException({
        status: 400,
        code: 'VALIDATION_FAILED',
        title: 'Validation failed',
        detail: 'Chưa chọn tệp.',
        errors: [{ field: 'file', rule: 'required', message: 'Chưa chọn tệp' }],
      });
    }
    return this.importer.import(actor, await part.toBuffer(), query.mode ?? 'all', query.publish ?? false);
  }
}
