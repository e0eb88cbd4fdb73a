import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { Problem } from '../../common/problem/problem';
import { uuidParam } from '../../common/uuid-param';
import {
  AccessLogExportQuery,
  AccessLogPage,
  ContactExportQuery,
  DuplicatePage,
  ListAccessLogQuery,
  ListDuplicatesQuery,
  MergePartiesRequest,
  PartyMergeResponse,
  PseudonymiseRequest,
} from './dto/party-admin.dto';
import {
  ConsentRequest,
  ConsentResponse,
  CreatePartyRequest,
  ListPartiesQuery,
  PartyPage,
  PartyResponse,
  PartyWithWarnings,
  RevealRequest,
  RevealResponse,
  SubjectAccessRequest,
  SubjectAccessResponse,
  UpdatePartyRequest,
} from './dto/party.dto';
import { PartyAccessLogService } from './party-access-log.service';
import { PartyAdminService } from './party-admin.service';
import { PartyExportsService } from './party-exports.service';
import { PartiesService } from './parties.service';
import type { TabularFile } from '../../common/tabular-file';

const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

function sendFile(reply: FastifyReply, file: TabularFile): Buffer {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('x-export-sha256', file.sha256)
    .header('cache-control', 'no-store');
  return file.body;
}

@ApiTags('parties')
@Controller('parties')
export class PartiesController {
  constructor(
    private readonly parties: PartiesService,
    private readonly admin: PartyAdminService,
    private readonly exports: PartyExportsService,
    private readonly accessLog: PartyAccessLogService,
  ) {}

  @Post()
  @RequirePermission('parties:manage')
  @ApiCreatedResponse({ type: PartyWithWarnings, description: 'Created; warnings[] for accepted-but-suspicious data' })
  @ApiConflictResponse({
    type: Problem,
    description: 'PARTY_IDENTIFIER_TAKEN: an identifier is registered; existingPartyId names its party',
  })
  createParty(@Actor() actor: ActorContext, @Body() body: CreatePartyRequest): Promise<PartyWithWarnings> {
    return this.parties.create(actor, body);
  }

  @Get()
  @RequirePermission('parties:read')
  @ApiOkResponse({ type: PartyPage, description: 'Masked; ordered by name' })
  listParties(@Actor() actor: ActorContext, @Query() query: ListPartiesQuery): Promise<PartyPage> {
    return this.parties.list(actor, query);
  }

  @Get('duplicates')
  @RequirePermission('parties:administer')
  @ApiOkResponse({ type: DuplicatePage, description: 'Suspected duplicates (same name and birth date, or same phone)' })
  listPartyDuplicates(@Query() query: ListDuplicatesQuery): Promise<DuplicatePage> {
    return this.admin.duplicates(query);
  }

  @Get('access-log')
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AccessLogPage, description: 'Reads, reveals, exports of party data by staff in the caller’s scope, newest first' })
  listPartyAccessLog(@Actor() actor: ActorContext, @Query() query: ListAccessLogQuery): Promise<AccessLogPage> {
    return this.accessLog.list(actor, query);
  }

  @Get('access-log/export')
  @RequirePermission('audit:read')
  @ApiProduces(...FILE_TYPES)
  @ApiOkResponse({ description: 'The access log as CSV (UTF-8 with BOM) or XLSX; audited', schema: { type: 'string', format: 'binary' } })
  async exportPartyAccessLog(
    @Actor() actor: ActorContext,
    @Query() query: AccessLogExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendFile(reply, await this.accessLog.export(actor, query));
  }

  @Get('contacts/export')
  @RequirePermission('parties:reveal')
  @ApiProduces(...FILE_TYPES)
  @ApiOkResponse({
    description: 'Contacts of the parties who consented to the purpose, served by the agency / procedure / period; logged and audited',
    schema: { type: 'string', format: 'binary' },
  })
  async exportPartyContacts(
    @Actor() actor: ActorContext,
    @Query() query: ContactExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendFile(reply, await this.exports.contacts(actor, query));
  }

  @Post('merge')
  @RequirePermission('parties:administer')
  @HttpCode(200)
  @ApiOkResponse({ type: PartyMergeResponse })
  @ApiConflictResponse({ type: Problem, description: 'PARTY_MERGE_SELF, PARTY_MERGE_TYPE_MISMATCH or PARTY_NOT_ACTIVE' })
  mergeParties(@Actor() actor: ActorContext, @Body() body: MergePartiesRequest): Promise<PartyMergeResponse> {
    return this.admin.merge(actor, body);
  }

  @Get(':id')
  @RequirePermission('parties:read')
  @ApiOkResponse({ type: PartyResponse, description: 'Masked; the read is written to the access log' })
  getParty(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<PartyResponse> {
    return this.parties.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('parties:manage')
  @ApiOkResponse({ type: PartyWithWarnings })
  @ApiConflictResponse({ type: Problem, description: 'STALE_VERSION, PARTY_IDENTIFIER_TAKEN or PARTY_NOT_ACTIVE' })
  updateParty(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdatePartyRequest,
  ): Promise<PartyWithWarnings> {
    return this.parties.update(actor, id, body);
  }

  @Post(':id/reveal')
  @RequirePermission('parties:reveal')
  @HttpCode(200)
  @ApiOkResponse({ type: RevealResponse, description: 'Unmasked values; logged (REVEAL) with the purpose and audited' })
  revealParty(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RevealRequest,
  ): Promise<RevealResponse> {
    return this.parties.reveal(actor, id, body);
  }

  @Post(':id/subject-access')
  @RequirePermission('parties:reveal')
  @HttpCode(200)
  @ApiOkResponse({
    type: SubjectAccessResponse,
    description: 'Everything held about the party, unmasked (subject access); logged and audited',
  })
  exportPartySubjectAccess(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SubjectAccessRequest,
  ): Promise<SubjectAccessResponse> {
    return this.parties.subjectAccess(actor, id, body.purpose);
  }

  @Post(':id/pseudonymise')
  @RequirePermission('parties:administer')
  @HttpCode(200)
  @ApiOkResponse({ type: PartyResponse, description: 'The record stays; personal fields replaced, identifiers and contacts removed' })
  pseudonymiseParty(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PseudonymiseRequest,
  ): Promise<PartyResponse> {
    return this.admin.pseudonymise(actor, id, body);
  }

  @Post(':id/restrict')
  @RequirePermission('parties:administer')
  @HttpCode(200)
  @ApiOkResponse({ type: PartyResponse, description: 'Processing restricted at the person’s request: no reveal, no contact export' })
  restrictParty(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PseudonymiseRequest,
  ): Promise<PartyResponse> {
    return this.admin.restrict(actor, id, body);
  }

  @Post(':id/lift-restriction')
  @RequirePermission('parties:administer')
  @HttpCode(200)
  @ApiOkResponse({ type: PartyResponse })
  liftPartyRestriction(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<PartyResponse> {
    return this.admin.restrict(actor, id, null);
  }

  @Post(':id/consents')
  @RequirePermission('parties:manage')
  @ApiCreatedResponse({ type: ConsentResponse, description: 'Recorded (or the same consent already in force)' })
  recordPartyConsent(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ConsentRequest,
  ): Promise<ConsentResponse> {
    return this.parties.giveConsent(actor, id, body);
  }

  @Post(':id/consents/:consentId/withdraw')
  @RequirePermission('parties:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentResponse })
  withdrawPartyConsent(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Param('consentId', uuidParam('consentId')) consentId: string,
  ): Promise<ConsentResponse> {
    return this.parties.withdrawConsent(actor, id, consentId);
  }
}
