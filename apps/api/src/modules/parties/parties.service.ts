import { cccdWarnings, foldVietnamese } from '@motcua/domain';
import type { InsertStatement } from '../../database/insert-rows';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import type { Principal } from '../../common/auth/principal';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { FieldError, ProblemException } from '../../common/problem/problem';
import { staleVersion } from '../../common/problem/stale-version';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import {
  ConsentInput,
  ConsentResponse,
  CreatePartyRequest,
  ListPartiesQuery,
  PartyPage,
  PartyResponse,
  PartySummary,
  PartyWithWarnings,
  RepresentativeInput,
  RevealRequest,
  RevealResponse,
  SubjectAccessResponse,
  UpdatePartyRequest,
} from './dto/party.dto';
import type { DossierPartyRole } from './entities/dossier-party.entity';
import type { ContactKind } from './entities/party-contact.entity';
import type { PartyType } from './entities/party.entity';
import { PartyAccessLogService } from './party-access-log.service';
import {
  ApplicantInput,
  checkCore,
  contactContext,
  foldName,
  identifierContext,
  InputMode,
  ResolveApplicantInput,
  sealContacts,
  SealedContact,
  SealedIdentifier,
  sealIdentifiers,
  searchHashes,
  todayInVietnam,
} from './party-input';
import {
  ConsentRow,
  ContactRow,
  IdentifierMatch,
  NameFilter,
  PartiesRepository,
  PartyRow,
  queryRows,
  RepresentativeRow,
  SummaryRow,
} from './parties.repository';
import { identifierTaken, partyNotActive, partyNotFound, partyOutOfScope, partyRestricted } from './parties.errors';
import { PersonalDataCipher } from './personal-data-cipher';

/** Serialises the legacy adoption across API processes. */
const ADOPTION_LOCK = 7_240_003;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalidCursor = () => validationProblem([{ field: 'cursor', rule: 'cursor', message: 'Invalid cursor' }]);

export interface ResolvedApplicant {
  partyId: string;
  /** Vietnamese, for the officer (shown with the intake's other warnings). */
  warnings: string[];
}

export interface ResolveOptions {
  /** Path of the applicant in the caller's request, for error fields (default `applicant`). */
  field?: string;
  /** `intake` (default): 400 on invalid data; `lenient` (legacy data): drop what is invalid. */
  mode?: Exclude<InputMode, 'strict'>;
  /** Agency recorded as having registered a new party (default: the actor's agency). */
  agencyId?: string;
}

function summaryOf(row: SummaryRow): PartySummary {
  return {
    id: row.id,
    type: row.type,
    displayName: row.full_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    status: row.status,
    identifiers: row.identifiers.map((i) => ({ id: i.id, type: i.type, masked: i.masked, validFrom: i.validFrom, validTo: i.validTo })),
    phone: row.phone_masked,
  };
}

function consentOf(row: ConsentRow): ConsentResponse {
  return {
    id: row.id,
    channel: row.channel,
    purpose: row.purpose,
    givenAt: row.given_at.toISOString(),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
  };
}

function representativeOf(row: RepresentativeRow) {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    representativeId: row.representative_id,
    representativeName: row.representative_name,
    role: row.role,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

const hex = (buffer: Buffer) => buffer.toString('hex');

/**
 * The citizen registry (DOMAIN §7): one record per person and organisation, identifiers validated
 * and unique, identifiers and contacts encrypted, every detail read and reveal logged.
 * `resolveApplicant` and `linkDossier` are what the dossier intake calls, inside its transaction.
 */
@Injectable()
export class PartiesService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Parties');
  private adoption: Promise<number> | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: PartiesRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: PartyAccessLogService,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------- for the dossiers module

  /**
   * The party a dossier's applicant is: an existing one (by id, following merges), the one holding
   * any of the given identifiers (never overwritten: differing contact data opens a new contact
   * version, differing identity data only warns), or a new one. Uses only `tx`: one lookup by
   * hashes plus one insert in the common cases.
   */
  async resolveApplicant(
    tx: EntityManager,
    actor: ActorContext | undefined,
    input: ResolveApplicantInput,
    options: ResolveOptions = {},
  ): Promise<ResolvedApplicant> {
    const prefix = `${options.field ?? 'applicant'}.`;
    if ('partyId' in input && input.partyId) return this.resolveById(tx, input.partyId, prefix);
    const applicant = input as ApplicantInput;
    const mode = options.mode ?? 'intake';
    const errors: FieldError[] = [];
    const warnings: string[] = [];
    const core = checkCore(applicant, prefix, mode, errors);
    const identifiers = sealIdentifiers(
      this.cipher,
      applicant.type,
      applicant.identifiers ?? [],
      core,
      `${prefix}identifiers`,
      mode,
      errors,
      warnings,
    );
    if (errors.length) throw validationProblem(errors);
    const contacts = sealContacts(this.cipher, {
      phone: applicant.phone,
      email: applicant.email,
      address: applicant.address ? { text: applicant.address } : null,
    });

    if (identifiers.length) {
      const matches = await this.parties.findByIdentifierHashes(tx, identifiers);
      if (matches.length) return this.reuse(tx, core.displayName, core.dateOfBirth, identifiers, contacts, matches, warnings);
    }
    const created = await this.parties.insertParty(
      tx,
      {
        type: applicant.type,
        fullName: core.displayName,
        nameFolded: foldName(core.displayName),
        dateOfBirth: core.dateOfBirth,
        sex: core.sex,
        permanentAreaCode: null,
        permanentAddress: null,
        createdByAgencyId: options.agencyId ?? actor?.principal?.agencyId ?? null,
      },
      identifiers,
      Object.values(contacts),
    );
    if (created.identifiersInserted === identifiers.length) return { partyId: created.id, warnings };
    // A concurrent intake registered the same person first (its insert committed while ours waited).
    await this.parties.deleteFreshParty(tx, created.id);
    const matches = await this.parties.findByIdentifierHashes(tx, identifiers);
    return this.reuse(tx, core.displayName, core.dateOfBirth, identifiers, contacts, matches, warnings);
  }

  /** Links a dossier to a party in a role (idempotent). */
  /** The link as a statement of its own, for intake to fold into its single INSERT (parameters from $1). */
  linkStatement(dossierId: string, partyId: string, role: DossierPartyRole): InsertStatement {
    return {
      sql: 'INSERT INTO dossier_parties (dossier_id, role, party_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      params: [dossierId, role, partyId],
    };
  }

  async linkDossier(tx: EntityManager, dossierId: string, partyId: string, role: DossierPartyRole): Promise<void> {
    await this.parties.linkDossier(tx, dossierId, partyId, role);
  }

  /** Starts `adoptLegacyApplicants` without delaying start-up (a large backlog takes minutes). */
  startLegacyAdoption(): void {
    this.adoption ??= this.adoptLegacyApplicants().catch((error: unknown) => {
      this.logger.error({ err: error }, 'Registering the applicants of earlier dossiers failed; it resumes at the next start');
      return 0;
    });
  }

  /** Lets a running adoption finish its batch before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.adoption;
  }

  /**
   * Registers the applicants of dossiers received before the registry existed (their `applicant`
   * snapshot) and links them as OWNER, in batches, continuing where the last run stopped.
   * Invalid legacy values are dropped, never refused. Returns the number of dossiers linked.
   */
  async adoptLegacyApplicants(batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const { scanned, adopted } = await this.dataSource.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [ADOPTION_LOCK]);
        const [state] = await tx.query('SELECT last_created_at, last_dossier_id FROM party_adoption_state WHERE id = 1');
        const after = state?.last_created_at ? `WHERE (d.created_at, d.id) > ($2, $3::uuid)` : '';
        const rows: Array<{ id: string; created_at: Date; applicant: LegacyApplicant; receiving_agency_id: string; linked: boolean }> =
          await tx.query(
            `SELECT d.id, d.created_at, d.applicant, d.receiving_agency_id,
                    EXISTS (SELECT 1 FROM dossier_parties dp WHERE dp.dossier_id = d.id AND dp.role = 'OWNER') AS linked
             FROM dossiers d ${after} ORDER BY d.created_at, d.id LIMIT $1`,
            state?.last_created_at ? [batchSize, state.last_created_at, state.last_dossier_id] : [batchSize],
          );
        let adopted = 0;
        for (const row of rows) {
          if (row.linked) continue;
          const { partyId } = await this.resolveApplicant(tx, undefined, legacyApplicant(row.applicant), {
            mode: 'lenient',
            agencyId: row.receiving_agency_id,
          });
          await this.parties.linkDossier(tx, row.id, partyId, 'OWNER');
          adopted += 1;
        }
        if (rows.length) {
          const last = rows[rows.length - 1];
          await tx.query(
            `INSERT INTO party_adoption_state (id, last_created_at, last_dossier_id, adopted) VALUES (1, $1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET last_created_at = $1, last_dossier_id = $2, adopted = party_adoption_state.adopted + $3`,
            [last.created_at, last.id, adopted],
          );
        }
        return { scanned: rows.length, adopted };
      });
      total += adopted;
      if (scanned < batchSize || this.stopping) break;
    }
    if (total) this.logger.log(`Registered the applicants of ${total} earlier dossiers`);
    return total;
  }

  // ---------------------------------------------------------------- HTTP

  async create(actor: ActorContext, body: CreatePartyRequest): Promise<PartyWithWarnings> {
    const principal = principalOf(actor);
    const errors: FieldError[] = [];
    const warnings: string[] = [];
    const core = checkCore(body, '', 'strict', errors);
    const identifiers = sealIdentifiers(this.cipher, body.type, body.identifiers, core, 'identifiers', 'strict', errors, warnings);
    if (body.type === 'INDIVIDUAL' && body.representatives?.length) {
      errors.push({ field: 'representatives', rule: 'organizationOnly', message: 'Chỉ tổ chức, doanh nghiệp có người đại diện' });
    }
    if (errors.length) throw validationProblem(errors);
    const contacts = Object.values(sealContacts(this.cipher, body));

    const id = await this.dataSource.transaction(async (tx) => {
      const taken = await this.parties.findByIdentifierHashes(tx, identifiers);
      if (taken.length) throw this.identifierConflict(identifiers, taken);
      const created = await this.parties.insertParty(
        tx,
        {
          type: body.type,
          fullName: core.displayName,
          nameFolded: foldName(core.displayName),
          dateOfBirth: core.dateOfBirth,
          sex: core.sex,
          permanentAreaCode: body.permanentAddress?.areaCode ?? null,
          permanentAddress: body.permanentAddress?.text ?? null,
          createdByAgencyId: principal.agencyId,
        },
        identifiers,
        contacts,
      );
      if (created.identifiersInserted < identifiers.length) {
        const now = await this.parties.findByIdentifierHashes(tx, identifiers);
        throw this.identifierConflict(
          identifiers,
          now.filter((m) => m.party_id !== created.id),
        );
      }
      await this.setRepresentatives(tx, created.id, body.representatives ?? []);
      await this.insertConsents(tx, created.id, body.consents ?? [], principal);
      await this.audit.record(
        actor,
        {
          action: 'party.created',
          targetType: 'party',
          targetId: created.id,
          after: {
            type: body.type,
            identifierTypes: identifiers.map((i) => i.type),
            contacts: contacts.map((c) => c.kind),
            representatives: body.representatives?.length ?? 0,
            consents: body.consents?.length ?? 0,
          },
        },
        tx,
      );
      return created.id;
    });
    return { ...(await this.detail(principal, id)), warnings };
  }

  async list(actor: ActorContext, query: ListPartiesQuery): Promise<PartyPage> {
    const principal = principalOf(actor);
    const limit = query.limit ?? 50;
    let agencyPath: string | undefined;
    if (query.agencyId) {
      agencyPath = await this.parties.agencyPath(query.agencyId);
      if (!agencyPath || !agencyPath.startsWith(principal.agencyPath)) {
        throw validationProblem([
          { field: 'agencyId', rule: 'agencyInScope', message: 'Cơ quan không tồn tại hoặc ngoài phạm vi quản lý' },
        ]);
      }
    }
    const base = { status: query.status ?? 'ACTIVE', type: query.type, agencyPath, limit: limit + 1 } as const;
    const q = query.q ?? '';
    const name = /\d/.test(q) ? '' : foldVietnamese(q);
    if (name) {
      // Names that start with the text come first, then the other names containing it.
      let after: NameFilter['after'];
      if (query.cursor) {
        const [phase, cursorName, id] = decodeCursor(query.cursor, 3);
        if ((phase !== 'prefix' && phase !== 'contains') || !UUID.test(id)) throw invalidCursor();
        after = { phase, name: cursorName, id };
      }
      const rows = await this.parties.searchByName({ ...base, name, after });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page.map(summaryOf), nextCursor: rows.length > limit ? encodeCursor([last.phase, last.name_folded, last.id]) : null };
    }
    let after: [string, string] | undefined;
    if (query.cursor) {
      const [cursorName, id] = decodeCursor(query.cursor, 2);
      if (!UUID.test(id)) throw invalidCursor();
      after = [cursorName, id];
    }
    // Anything with a digit is an identifier, tax code or phone: exact match through the keyed hash.
    const hashes = /\d/.test(q) ? searchHashes(this.cipher, q) : undefined;
    const rows = await this.parties.findPage({ ...base, after, identifierHashes: hashes?.identifiers, phoneHash: hashes?.phone });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(summaryOf), nextCursor: rows.length > limit ? encodeCursor([last.name_folded, last.id]) : null };
  }

  /** The detail, masked; the read itself is written to the access log. */
  async get(actor: ActorContext, id: string): Promise<PartyResponse> {
    const principal = principalOf(actor);
    const party = await this.detail(principal, id);
    await this.accessLog.record(actor, { partyIds: [id], action: 'READ', fields: fieldsShown(party) });
    return party;
  }

  async update(actor: ActorContext, id: string, body: UpdatePartyRequest): Promise<PartyWithWarnings> {
    const principal = principalOf(actor);
    const warnings: string[] = [];
    await this.dataSource.transaction(async (tx) => {
      const party = await this.parties.findParty(tx, id, true);
      if (!party) throw partyNotFound();
      if (party.status !== 'ACTIVE') throw partyNotActive(party.status, party.merged_into_id);
      if (body.version !== party.version) throw staleVersion(party.version);
      const individual = party.type === 'INDIVIDUAL';
      const errors: FieldError[] = [];
      const core = checkCore(
        {
          type: party.type,
          fullName: individual ? (body.fullName ?? party.full_name) : body.fullName,
          name: individual ? body.name : (body.name ?? party.full_name),
          dateOfBirth: body.dateOfBirth !== undefined ? body.dateOfBirth : party.date_of_birth,
          sex: body.sex !== undefined ? body.sex : party.sex,
        },
        '',
        'strict',
        errors,
      );
      const added = sealIdentifiers(this.cipher, party.type, body.addIdentifiers ?? [], core, 'addIdentifiers', 'strict', errors, warnings);
      if (body.representatives !== undefined && individual && body.representatives.length) {
        errors.push({ field: 'representatives', rule: 'organizationOnly', message: 'Chỉ tổ chức, doanh nghiệp có người đại diện' });
      }
      if (errors.length) throw validationProblem(errors);

      const changed: string[] = [];
      const sets: Record<string, unknown> = {};
      if (core.displayName !== party.full_name) {
        sets['full_name'] = core.displayName;
        sets['name_folded'] = foldName(core.displayName);
        changed.push(individual ? 'fullName' : 'name');
      }
      if (core.dateOfBirth !== party.date_of_birth) {
        sets['date_of_birth'] = core.dateOfBirth;
        changed.push('dateOfBirth');
      }
      if (core.sex !== party.sex) {
        sets['sex'] = core.sex;
        changed.push('sex');
      }
      if (body.permanentAddress !== undefined) {
        const areaCode = body.permanentAddress?.areaCode ?? null;
        const text = body.permanentAddress?.text ?? null;
        if (areaCode !== party.permanent_area_code || text !== party.permanent_address) {
          sets['permanent_area_code'] = areaCode;
          sets['permanent_address'] = text;
          changed.push('permanentAddress');
        }
      }

      if (body.removeIdentifierIds?.length) {
        const removed = await this.parties.removeIdentifiers(tx, id, body.removeIdentifierIds);
        if (removed < body.removeIdentifierIds.length) {
          throw validationProblem([{ field: 'removeIdentifierIds', rule: 'belongsToParty', message: 'Giấy tờ không thuộc bản ghi này' }]);
        }
        changed.push('identifiers');
      }
      if (added.length) {
        const matches = await this.parties.findByIdentifierHashes(tx, added);
        const others = matches.filter((m) => m.party_id !== id);
        if (others.length) throw this.identifierConflict(added, others, 'addIdentifiers');
        const own = new Set(matches.map((m) => `${m.type}:${m.hash}`));
        const fresh = added.filter((i) => !own.has(`${i.type}:${hex(i.hash)}`));
        if ((await this.parties.addIdentifiers(tx, id, fresh)) < fresh.length) {
          const now = await this.parties.findByIdentifierHashes(tx, fresh);
          throw this.identifierConflict(
            fresh,
            now.filter((m) => m.party_id !== id),
            'addIdentifiers',
          );
        }
        if (fresh.length) changed.push('identifiers');
      }
      // Birth date or sex changed: check the CCCDs already held against the new values too.
      if (individual && (changed.includes('dateOfBirth') || changed.includes('sex'))) {
        for (const row of await this.parties.identifiersOf(tx, id)) {
          if (row.type !== 'CCCD' || added.some((a) => a.masked === row.masked)) continue;
          const cccd = this.cipher.decrypt(row.value_encrypted, row.key_id, identifierContext(row.type));
          warnings.push(...cccdWarnings(cccd, core.dateOfBirth ?? undefined, core.sex ?? undefined));
        }
      }

      changed.push(...(await this.updateContacts(tx, id, body)));
      if (body.representatives !== undefined && !individual) {
        if (await this.setRepresentatives(tx, id, body.representatives, true)) changed.push('representatives');
      }
      if (!changed.length) return;
      const columns = Object.keys(sets);
      await tx.query(
        `UPDATE parties SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}${columns.length ? ', ' : ''}
         version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ...columns.map((c) => sets[c])],
      );
      await this.audit.record(actor, { action: 'party.updated', targetType: 'party', targetId: id, after: { changed } }, tx);
    });
    return { ...(await this.detail(principal, id)), warnings };
  }

  /** Unmasked identifiers and phones for a stated purpose; logged (REVEAL) and audited in one transaction. */
  async reveal(actor: ActorContext, id: string, body: RevealRequest): Promise<RevealResponse> {
    const principal = principalOf(actor);
    const fields = body.fields ?? ['IDENTIFIERS', 'PHONE'];
    return this.dataSource.transaction(async (tx) => {
      const party = await this.parties.findParty(tx, id);
      if (!party) throw partyNotFound();
      if (!(await this.parties.isInScope(tx, principal, id))) throw partyOutOfScope();
      if (party.restricted_at) throw partyRestricted();
      const identifiers = fields.includes('IDENTIFIERS')
        ? (await this.parties.identifiersOf(tx, id)).map((row) => ({
            id: row.id,
            type: row.type,
            value: this.cipher.decrypt(row.value_encrypted, row.key_id, identifierContext(row.type)),
          }))
        : [];
      const phones = fields.includes('PHONE')
        ? (await this.parties.contactsOf(tx, id, ['PHONE'])).map((row) => ({
            id: row.id,
            value: this.cipher.decrypt(row.value_encrypted, row.key_id, contactContext(row.kind)),
            validFrom: row.valid_from.toISOString(),
            validTo: row.valid_to?.toISOString() ?? null,
          }))
        : [];
      const logged = fields.map((f) => f.toLowerCase());
      await this.accessLog.record(actor, { partyIds: [id], action: 'REVEAL', fields: logged, purpose: body.purpose }, tx);
      await this.audit.record(
        actor,
        { action: 'party.revealed', targetType: 'party', targetId: id, after: { fields: logged, purpose: body.purpose } },
        tx,
      );
      return { partyId: id, identifiers, phones };
    });
  }

  /**
   * Subject access (Law 91/2025): everything held about the party, unmasked, with who accessed it.
   * Same permission and scope as a reveal; logged as EXPORT and audited.
   */
  async subjectAccess(actor: ActorContext, id: string, purpose: string): Promise<SubjectAccessResponse> {
    const principal = principalOf(actor);
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.parties.findParty(tx, id))) throw partyNotFound();
      if (!(await this.parties.isInScope(tx, principal, id))) throw partyOutOfScope();
      const party = await this.detail(principal, id, tx);
      const identifiers = (await this.parties.identifiersOf(tx, id)).map((row) => ({
        id: row.id,
        type: row.type,
        value: this.cipher.decrypt(row.value_encrypted, row.key_id, identifierContext(row.type)),
      }));
      const contacts = (await this.parties.contactsOf(tx, id)).map((row) => ({
        id: row.id,
        kind: row.kind,
        value: this.contactValue(row),
        areaCode: row.area_code,
        validFrom: row.valid_from.toISOString(),
        validTo: row.valid_to?.toISOString() ?? null,
      }));
      const merges: Array<{ survivor_id: string; merged_id: string; at: Date; reason: string }> = await tx.query(
        'SELECT survivor_id, merged_id, at, reason FROM party_merges WHERE survivor_id = $1 OR merged_id = $1 ORDER BY at',
        [id],
      );
      const log: Array<{
        at: Date;
        username: string | null;
        agency_name: string | null;
        action: string;
        fields: string[];
        purpose: string | null;
      }> = await tx.query(
        `SELECT l.at, l.username, a.name AS agency_name, l.action, l.fields, l.purpose
           FROM party_access_log l LEFT JOIN agencies a ON a.id = l.agency_id WHERE l.party_id = $1 ORDER BY l.id`,
        [id],
      );
      await this.accessLog.record(actor, { partyIds: [id], action: 'EXPORT', fields: ['subjectAccess'], purpose }, tx);
      await this.audit.record(
        actor,
        { action: 'party.subject-access-exported', targetType: 'party', targetId: id, after: { purpose } },
        tx,
      );
      return {
        generatedAt: new Date().toISOString(),
        party,
        identifiers,
        contacts,
        merges: merges.map((m) => ({ survivorId: m.survivor_id, mergedId: m.merged_id, at: m.at.toISOString(), reason: m.reason })),
        accessLog: log.map((l) => ({
          at: l.at.toISOString(),
          username: l.username,
          agencyName: l.agency_name,
          action: l.action,
          fields: l.fields,
          purpose: l.purpose,
        })),
      };
    });
  }

  async giveConsent(actor: ActorContext, id: string, body: ConsentInput): Promise<ConsentResponse> {
    const principal = principalOf(actor);
    return this.dataSource.transaction(async (tx) => {
      const party = await this.parties.findParty(tx, id, true);
      if (!party) throw partyNotFound();
      if (party.status !== 'ACTIVE') throw partyNotActive(party.status, party.merged_into_id);
      const [existing] = await tx.query(
        `SELECT id, channel, purpose, given_at, withdrawn_at FROM party_consents
         WHERE party_id = $1 AND channel = $2 AND purpose = $3 AND withdrawn_at IS NULL`,
        [id, body.channel, body.purpose],
      );
      if (existing) return consentOf(existing);
      const [row] = await this.insertConsents(tx, id, [body], principal);
      await this.audit.record(
        actor,
        { action: 'party.consent-given', targetType: 'party', targetId: id, after: { channel: body.channel, purpose: body.purpose } },
        tx,
      );
      return consentOf(row);
    });
  }

  async withdrawConsent(actor: ActorContext, id: string, consentId: string): Promise<ConsentResponse> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = await queryRows<ConsentRow>(
        tx,
        `UPDATE party_consents SET withdrawn_at = coalesce(withdrawn_at, now()) WHERE id = $1 AND party_id = $2
         RETURNING id, channel, purpose, given_at, withdrawn_at`,
        [consentId, id],
      );
      if (!row) {
        throw new ProblemException({ status: 404, code: 'CONSENT_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy sự đồng ý này.' });
      }
      await this.audit.record(
        actor,
        { action: 'party.consent-withdrawn', targetType: 'party', targetId: id, after: { channel: row.channel, purpose: row.purpose } },
        tx,
      );
      return consentOf(row);
    });
  }

  /** The whole record as the caller may see it (masked). Not logged: callers log what they show. */
  async detail(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<PartyResponse> {
    const party = await this.parties.findParty(manager, id);
    if (!party) throw partyNotFound();
    const identifiers = await this.parties.identifiersOf(manager, id);
    const contacts = await this.parties.contactsOf(manager, id);
    const representatives = await this.parties.representativesOf(manager, id);
    const consents = await this.parties.consentsOf(manager, id);
    const dossiers = await this.parties.dossiersInScope(principal, id, manager);
    const current = (kind: ContactKind) => contacts.find((c) => c.kind === kind && !c.valid_to);
    const phone = current('PHONE');
    const email = current('EMAIL');
    const address = current('ADDRESS');
    return {
      ...this.partyFields(party),
      identifiers: identifiers.map((i) => ({ id: i.id, type: i.type, masked: i.masked, validFrom: i.valid_from, validTo: i.valid_to })),
      phone: phone?.masked ?? null,
      email: email ? this.contactValue(email) : null,
      address: address ? { areaCode: address.area_code, text: this.contactValue(address) } : null,
      contacts: contacts.map((c) => ({
        id: c.id,
        kind: c.kind,
        value: c.kind === 'PHONE' ? (c.masked ?? '') : this.contactValue(c),
        areaCode: c.area_code,
        validFrom: c.valid_from.toISOString(),
        validTo: c.valid_to?.toISOString() ?? null,
      })),
      representatives: representatives.filter((r) => r.organization_id === id).map(representativeOf),
      represents: representatives.filter((r) => r.representative_id === id).map(representativeOf),
      consents: consents.map(consentOf),
      dossiers: dossiers.map((d) => ({
        dossierId: d.dossier_id,
        code: d.code,
        role: d.role,
        status: d.status,
        statusCode: Number(d.status_code),
        procedureCode: d.procedure_code,
        procedureName: d.procedure_name,
        receivingAgencyId: d.receiving_agency_id,
        receivingAgencyName: d.receiving_agency_name,
        competentAgencyId: d.competent_agency_id,
        competentAgencyName: d.competent_agency_name,
        submittedAt: new Date(d.submitted_at).toISOString(),
      })),
    };
  }

  /** Summaries (masked) for other registry services. */
  async summaries(ids: readonly string[], manager?: EntityManager): Promise<PartySummary[]> {
    return (await this.parties.summaries(ids, manager)).map(summaryOf);
  }

  // ---------------------------------------------------------------- internals

  private partyFields(party: PartyRow) {
    const individual = party.type === 'INDIVIDUAL';
    return {
      id: party.id,
      type: party.type,
      fullName: individual ? party.full_name : null,
      name: individual ? null : party.full_name,
      displayName: party.full_name,
      dateOfBirth: party.date_of_birth,
      sex: party.sex,
      status: party.status,
      restriction: party.restricted_at ? { since: party.restricted_at.toISOString(), reason: party.restriction_reason ?? '' } : null,
      mergedIntoId: party.merged_into_id,
      permanentAddress: party.permanent_address ? { areaCode: party.permanent_area_code, text: party.permanent_address } : null,
      createdAt: party.created_at.toISOString(),
      updatedAt: party.updated_at.toISOString(),
      version: party.version,
    };
  }

  private contactValue(row: ContactRow): string {
    return this.cipher.decrypt(row.value_encrypted, row.key_id, contactContext(row.kind));
  }

  private async resolveById(tx: EntityManager, partyId: string, prefix: string): Promise<ResolvedApplicant> {
    const found = UUID.test(partyId) ? await this.parties.resolveMerged(tx, partyId) : undefined;
    if (!found) {
      throw validationProblem([
        { field: `${prefix}partyId`, rule: 'partyExists', message: 'Không tìm thấy công dân, tổ chức trong danh bạ' },
      ]);
    }
    if (found.status !== 'ACTIVE') {
      throw validationProblem([
        { field: `${prefix}partyId`, rule: 'partyActive', message: 'Bản ghi đã được ẩn danh hoá, không dùng được cho hồ sơ mới' },
      ]);
    }
    const warnings = found.id === partyId ? [] : ['Bản ghi công dân đã chọn đã được hợp nhất; hồ sơ được gắn với bản ghi còn lại.'];
    return { partyId: found.id, warnings };
  }

  /** Reuses the party of the first identifier given that is registered; never overwrites it. */
  private async reuse(
    tx: EntityManager,
    displayName: string,
    dateOfBirth: string | null,
    identifiers: readonly SealedIdentifier[],
    contacts: Partial<Record<ContactKind, SealedContact>>,
    matches: readonly IdentifierMatch[],
    warnings: string[],
  ): Promise<ResolvedApplicant> {
    const byKey = new Map(matches.map((m) => [`${m.type}:${m.hash}`, m]));
    const keyOf = (i: SealedIdentifier) => `${i.type}:${hex(i.hash)}`;
    const chosen = identifiers.map((i) => byKey.get(keyOf(i))).find((m) => m !== undefined) as IdentifierMatch;
    if (new Set(matches.map((m) => m.party_id)).size > 1) {
      warnings.push(
        'Các giấy tờ đã nhập thuộc về nhiều bản ghi khác nhau trong danh bạ; hồ sơ được gắn với bản ghi của giấy tờ đầu tiên. Cần rà soát trùng lặp.',
      );
    }
    if (foldName(displayName) !== foldName(chosen.full_name)) {
      warnings.push('Họ tên đã nhập khác với họ tên trong danh bạ công dân; danh bạ được giữ nguyên.');
    }
    if (dateOfBirth && chosen.date_of_birth && dateOfBirth !== chosen.date_of_birth) {
      warnings.push('Ngày sinh đã nhập khác với ngày sinh trong danh bạ công dân; danh bạ được giữ nguyên.');
    }
    const fresh = identifiers.filter((i) => !byKey.has(keyOf(i)));
    if (fresh.length) await this.parties.addIdentifiers(tx, chosen.party_id, fresh);
    const current = new Map(chosen.contacts.map((c) => [c.slice(0, c.indexOf(':')), c.slice(c.indexOf(':') + 1)]));
    const changed = Object.values(contacts).filter((c) => current.get(c.kind) !== hex(c.hash));
    if (changed.length) {
      // Serialises with another intake changing the same party's contacts.
      await tx.query('SELECT 1 FROM parties WHERE id = $1 FOR UPDATE', [chosen.party_id]);
      await this.parties.replaceContacts(
        tx,
        chosen.party_id,
        changed.map((c) => c.kind),
        changed,
      );
    }
    return { partyId: chosen.party_id, warnings };
  }

  /** Contact fields present in the body: a new value opens a new version, null closes the current one. */
  private async updateContacts(tx: EntityManager, id: string, body: UpdatePartyRequest): Promise<string[]> {
    const given: Array<[ContactKind, string, boolean]> = [
      ['PHONE', 'phone', body.phone !== undefined],
      ['EMAIL', 'email', body.email !== undefined],
      ['ADDRESS', 'address', body.address !== undefined],
    ];
    if (!given.some(([, , present]) => present)) return [];
    const sealed = sealContacts(this.cipher, { phone: body.phone, email: body.email, address: body.address });
    const current = await this.parties.currentContactHashes(tx, id);
    const close: ContactKind[] = [];
    const open: SealedContact[] = [];
    const changed: string[] = [];
    for (const [kind, field, present] of given) {
      if (!present) continue;
      const next = sealed[kind];
      if (next && current[kind] === hex(next.hash)) continue;
      if (!next && !current[kind]) continue;
      if (current[kind]) close.push(kind);
      if (next) open.push(next);
      changed.push(field);
    }
    await this.parties.replaceContacts(tx, id, close, open);
    return changed;
  }

  /**
   * Representatives of an organisation. On update (`replace`) the list is the full current set:
   * those missing end today, new ones start, the rest keep their history. Returns whether anything changed.
   */
  private async setRepresentatives(
    tx: EntityManager,
    organizationId: string,
    list: readonly RepresentativeInput[],
    replace = false,
  ): Promise<boolean> {
    const errors: FieldError[] = [];
    const ids = [...new Set(list.map((r) => r.partyId))];
    const found: Array<{ id: string; type: PartyType; status: string }> = ids.length
      ? await tx.query('SELECT id, type, status FROM parties WHERE id = ANY($1::uuid[])', [ids])
      : [];
    const byId = new Map(found.map((p) => [p.id, p]));
    const seen = new Set<string>();
    list.forEach((r, i) => {
      const party = byId.get(r.partyId);
      if (!party || party.type !== 'INDIVIDUAL' || party.status !== 'ACTIVE' || r.partyId === organizationId) {
        errors.push({
          field: `representatives.${i}.partyId`,
          rule: 'individualParty',
          message: 'Người đại diện phải là một cá nhân có trong danh bạ',
        });
      }
      if (r.validFrom && r.validTo && r.validFrom > r.validTo) {
        errors.push({ field: `representatives.${i}.validTo`, rule: 'afterValidFrom', message: 'Ngày kết thúc phải sau ngày bắt đầu' });
      }
      const key = `${r.partyId}:${r.role}`;
      if (seen.has(key)) errors.push({ field: `representatives.${i}`, rule: 'duplicate', message: 'Người đại diện bị nhập hai lần' });
      seen.add(key);
    });
    if (errors.length) throw validationProblem(errors);

    let changed = false;
    if (replace) {
      const ended = await queryRows(
        tx,
        `UPDATE party_representatives SET valid_to = $2 WHERE organization_id = $1 AND (valid_to IS NULL OR valid_to > $2)
           AND NOT (representative_id || ':' || role = ANY($3::text[])) RETURNING id`,
        [organizationId, todayInVietnam(), [...seen]],
      );
      changed = ended.length > 0;
    }
    for (const r of list) {
      const [current] = replace
        ? await tx.query(
            `SELECT id, valid_from::text AS valid_from, valid_to::text AS valid_to FROM party_representatives
             WHERE organization_id = $1 AND representative_id = $2 AND role = $3 AND (valid_to IS NULL OR valid_to >= $4)
             ORDER BY created_at DESC LIMIT 1`,
            [organizationId, r.partyId, r.role, todayInVietnam()],
          )
        : [];
      if (current) {
        const from = r.validFrom ?? current.valid_from;
        const to = r.validTo ?? current.valid_to;
        if (from !== current.valid_from || to !== current.valid_to) {
          await tx.query('UPDATE party_representatives SET valid_from = $2, valid_to = $3 WHERE id = $1', [current.id, from, to]);
          changed = true;
        }
        continue;
      }
      await tx.query(
        `INSERT INTO party_representatives (organization_id, representative_id, role, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)`,
        [organizationId, r.partyId, r.role, r.validFrom ?? todayInVietnam(), r.validTo ?? null],
      );
      changed = true;
    }
    return changed;
  }

  private async insertConsents(
    tx: EntityManager,
    partyId: string,
    consents: readonly ConsentInput[],
    principal: Principal,
  ): Promise<ConsentRow[]> {
    const unique = [...new Map(consents.map((c) => [`${c.channel}:${c.purpose}`, c])).values()];
    if (!unique.length) return [];
    return tx.query(
      `INSERT INTO party_consents (party_id, channel, purpose, given_at, recorded_by_id)
       SELECT $1, x.channel, x.purpose, coalesce(x.given_at, now()), $5
       FROM unnest($2::varchar[], $3::varchar[], $4::timestamptz[]) AS x(channel, purpose, given_at)
       RETURNING id, channel, purpose, given_at, withdrawn_at`,
      [
        partyId,
        unique.map((c) => c.channel),
        unique.map((c) => c.purpose),
        unique.map((c) => (c.givenAt ? new Date(c.givenAt) : null)),
        principal.kind === 'user' ? principal.id : null,
      ],
    );
  }

  private identifierConflict(
    identifiers: readonly SealedIdentifier[],
    matches: readonly IdentifierMatch[],
    listField = 'identifiers',
  ): ProblemException {
    const taken = new Set(matches.map((m) => `${m.type}:${m.hash}`));
    const errors = identifiers
      .filter((i) => taken.has(`${i.type}:${hex(i.hash)}`))
      .map((i) => ({ field: `${listField}.${i.index}.value`, rule: 'unique', message: 'Giấy tờ đã được đăng ký trong danh bạ' }));
    return identifierTaken(matches[0]?.party_id ?? '', errors);
  }
}

/** The fields a detail response shows (names only, for the access log). */
function fieldsShown(party: PartyResponse): string[] {
  const fields = ['name'];
  if (party.dateOfBirth) fields.push('dateOfBirth');
  if (party.sex) fields.push('sex');
  if (party.identifiers.length) fields.push('identifiers.masked');
  if (party.phone) fields.push('phone.masked');
  if (party.email) fields.push('email');
  if (party.address) fields.push('address');
  if (party.permanentAddress) fields.push('permanentAddress');
  if (party.dossiers.length) fields.push('dossiers');
  return fields;
}

/** The applicant snapshot dossiers stored before the registry. */
interface LegacyApplicant {
  type?: PartyType;
  fullName?: string;
  dateOfBirth?: string;
  sex?: 'MALE' | 'FEMALE';
  identifiers?: ApplicantInput['identifiers'];
  phone?: string;
  email?: string;
  address?: string;
}

function legacyApplicant(snapshot: LegacyApplicant): ApplicantInput {
  return {
    type: snapshot.type ?? 'INDIVIDUAL',
    fullName: snapshot.fullName,
    name: snapshot.fullName,
    dateOfBirth: snapshot.dateOfBirth,
    sex: snapshot.sex === 'MALE' || snapshot.sex === 'FEMALE' ? snapshot.sex : undefined,
    identifiers: Array.isArray(snapshot.identifiers) ? snapshot.identifiers : [],
    phone: snapshot.phone,
    email: snapshot.email,
    address: snapshot.address,
  };
}
