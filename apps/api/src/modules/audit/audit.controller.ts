import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { AuditExportQuery, AuditPage, AuditQuery, AuditVerification } from './audit.dto';
import { AuditTrailService } from './audit-trail.service';

/** The audit trail for auditors: browse, verify the hash chain, take a range away with its hashes. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AuditPage })
  listAuditEvents(@Actor() actor: ActorContext, @Query() query: AuditQuery): Promise<AuditPage> {
    return this.trail.list(actor, query);
  }

  @Get('verify')
  @RequirePermission('audit:verify')
  @ApiOkResponse({ type: AuditVerification })
  verifyAuditChain(): Promise<AuditVerification> {
    return this.trail.verify();
  }

  @Get('export')
  @RequirePermission('audit:read')
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'The records of the range with prev_hash, hash and the canonical text hashed', schema: { type: 'string' } })
  async exportAuditEvents(
    @Actor() actor: ActorContext,
    @Query() query: AuditExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { body, contentType, filename } = await this.trail.export(actor, query);
    reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
