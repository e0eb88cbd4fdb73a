import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequirePermission } from '../../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../../common/auth/actor';
import { ProblemException } from '../../../common/problem/problem';
import { uuidParam } from '../../../common/uuid-param';
import { AttachmentResponse, UploadAttachmentQuery } from './attachments.dto';
import { AttachmentsService, StoredFile } from './attachments.service';

type MultipartRequest = FastifyRequest & {
  isMultipart(): boolean;
  file(): Promise<{ filename: string; toBuffer(): Promise<Buffer> } | undefined>;
};

export function sendFile(reply: FastifyReply, file: StoredFile): Buffer {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  return file.content;
}

@ApiTags('dossiers')
@Controller('dossiers/:code/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @RequirePermission('dossiers:read')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'PDF, JPEG or PNG, up to 20 MB' } },
    },
  })
  @ApiCreatedResponse({ type: AttachmentResponse })
  async uploadDossierAttachment(
    @Actor() actor: ActorContext,
    @Param('code') code: string,
    @Query() query: UploadAttachmentQuery,
    @Req() request: MultipartRequest,
  ): Promise<AttachmentResponse> {
    const part = request.isMultipart() ? await request.file() : undefined;
    if (!part)
      throw new ProblemException({
        status: 400,
        code: 'VALIDATION_FAILED',
        title: 'Validation failed',
        detail: 'Chưa chọn tệp.',
        errors: [{ field: 'file', rule: 'required', message: 'Chưa chọn tệp' }],
      });
    return this.attachments.upload(actor, code, query.kind ?? 'DOCUMENT', part.filename, await part.toBuffer());
  }

  @Get()
  @RequirePermission('dossiers:read')
  @ApiOkResponse({ type: [AttachmentResponse] })
  listDossierAttachments(@Actor() actor: ActorContext, @Param('code') code: string): Promise<AttachmentResponse[]> {
    return this.attachments.list(actor, code);
  }

  @Get(':id')
  @RequirePermission('dossiers:read')
  @ApiOkResponse({ description: 'The file; reading it is audited', schema: { type: 'string', format: 'binary' } })
  async downloadDossierAttachment(
    @Actor() actor: ActorContext,
    @Param('code') code: string,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendFile(reply, await this.attachments.download(actor, code, id));
  }
}
