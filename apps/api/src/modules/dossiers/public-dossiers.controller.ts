import { maskName, STATUS_LABELS_VI } from '@motcua/domain';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../../common/auth/access.decorators';
import { IpRateLimiter, tooManyRequests } from '../../common/rate-limit.guard';
import { PublicDossierResponse, PublicLookupQuery } from './dto/dossier.dto';
import { dossierNotFound } from './dossiers.errors';
import { DossierRow, DossiersRepository } from './dossiers.repository';
import { AttachmentsService } from './attachments/attachments.service';
import { sendFile } from './attachments/attachments.controller';
import { Dossier } from './entities/dossier.entity';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a.toUpperCase());
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Citizens follow their dossier with the code and the secret printed on the receipt; nothing personal beyond a masked name. */
@ApiTags('public')
@Controller('public/dossiers')
export class PublicDossiersController {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly attachments: AttachmentsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Per IP: enough for a family checking a few dossiers, too few to guess secrets.
    this.lookupLimiter = new IpRateLimiter(config.publicRateLimitPerMinute, 60_000);
  }

  private readonly lookupLimiter: IpRateLimiter;

  @Get(':code/result')
  @Public()
  @ApiOkResponse({
    description: 'The electronic result, when the procedure issues one electronically',
    schema: { type: 'string', format: 'binary' },
  })
  async downloadPublicResult(
    @Param('code') code: string,
    @Query() query: PublicLookupQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const dossier = await this.checkedDossier(code, query.secret, request, reply);
    return sendFile(reply, await this.attachments.publicResult(dossier));
  }

  @Get(':code')
  @Public()
  @ApiOkResponse({ type: PublicDossierResponse })
  async lookupDossier(
    @Param('code') code: string,
    @Query() query: PublicLookupQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicDossierResponse> {
    this.limit(request, reply);
    const d = code.length <= 48 ? await this.dossiers.findPublicView(code) : undefined;
    if (!d || !sameSecret(query.secret, d.lookupSecret)) throw dossierNotFound();
    const atDesk = ['SUBMITTED', 'RECEIVED', 'REFUSED', 'RESULT_READY', 'RETURNED', 'WITHDRAWAL_REQUESTED'].includes(d.status);
    const resultReady = d.status === 'RESULT_READY' || d.status === 'RETURNED';
    return {
      code: d.code,
      procedureName: d.procedureName,
      statusCode: d.statusCode,
      statusText: STATUS_LABELS_VI[d.status],
      applicantName: maskName(d.applicantName),
      receivingAgencyName: d.receivingAgencyName,
      currentAgencyName: atDesk ? d.receivingAgencyName : d.competentAgencyName,
      receivedAt: d.receivedAt?.toISOString() ?? null,
      appointmentAt: (d.apologyDueAt ?? d.dueAt)?.toISOString() ?? null,
      resultReady,
      resultReturned: d.status === 'RETURNED',
      electronicResultAvailable: d.electronicResult && resultReady,
    };
  }

  private limit(request: FastifyRequest, reply: FastifyReply): void {
    const wait = this.lookupLimiter.hit(request.ip);
    if (wait > 0) throw tooManyRequests(reply, wait, 'Quá nhiều lượt tra cứu. Vui lòng thử lại sau.');
  }

  private async checkedRow(code: string, secret: string, request: FastifyRequest, reply: FastifyReply): Promise<DossierRow> {
    this.limit(request, reply);
    const row = code.length <= 48 ? await this.dossiers.findByCode(code) : undefined;
    // A wrong code and a wrong secret answer alike, so codes cannot be probed.
    if (!row || !sameSecret(secret, row.dossier.lookupSecret)) throw dossierNotFound();
    return row;
  }

  private async checkedDossier(code: string, secret: string, request: FastifyRequest, reply: FastifyReply): Promise<Dossier> {
    return (await this.checkedRow(code, secret, request, reply)).dossier;
  }
}
