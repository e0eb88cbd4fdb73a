import type { IdentifierType } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike, whereInAgencyScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import type { DossierPartyRole } from './entities/dossier-party.entity';
import type { ConsentChannel, ConsentPurpose } from './entities/party-consent.entity';
import type { ContactKind } from './entities/party-contact.entity';
import type { RepresentativeRole } from './entities/party-representative.entity';
import type { PartyStatus, PartyType, Sex } from './entities/party.entity';
import type { SealedContact, SealedIdentifier } from './party-input';
import { preparedManagerQuery } from '../../database/prepared-query';

/** Vietnamese local dates for period filters. */
export const LOCAL_TZ = 'Asia/Ho_Chi_Minh';

export interface PartyRow {
  id: string;
  type: PartyType;
  full_name: string;
  name_folded: string;
  date_of_birth: string | null;
  sex: Sex | null;
  permanent_area_code: string | null;
  permanent_address: string | null;
  status: PartyStatus;
  merged_into_id: string | null;
  created_by_agency_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  /** Absent where a query does not read them (lists). */
  restricted_at?: Date | null;
  restriction_reason?: string | null;
}

export interface SummaryRow {
  id: string;
  type: PartyType;
  full_name: string;
  name_folded: string;
  date_of_birth: string | null;
  sex: Sex | null;
  status: PartyStatus;
  phone_masked: string | null;
  identifiers: Array<{ id: string; type: IdentifierType; masked: string; validFrom: string | null; validTo: string | null }>;
}

export interface IdentifierMatch {
  party_id: string;
  type: IdentifierType;
  hash: string;
  party_type: PartyType;
  date_of_birth: string | null;
  sex: Sex | null;
  full_name: string;
  /** `KIND:hexhash` of the party's current contacts. */
  contacts: string[];
}

export interface IdentifierRow {
  id: string;
  type: IdentifierType;
  value_encrypted: Buffer;
  key_id: string;
  masked: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface ContactRow {
  id: string;
  kind: ContactKind;
  value_encrypted: Buffer;
  key_id: string;
  lookup_hash: Buffer;
  masked: string | null;
  area_code: string | null;
  valid_from: Date;
  valid_to: Date | null;
}

export interface RepresentativeRow {
  id: string;
  organization_id: string;
  organization_name: string;
  representative_id: string;
  representative_name: string;
  role: RepresentativeRole;
  valid_from: string | null;
  valid_to: string | null;
}

export interface ConsentRow {
  id: string;
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  given_at: Date;
  withdrawn_at: Date | null;
}

export interface DossierHistoryRow {
  dossier_id: string;
  code: string;
  role: DossierPartyRole;
  status: string;
  status_code: number;
  procedure_code: string;
  procedure_name: string;
  receiving_agency_id: string;
  receiving_agency_name: string;
  competent_agency_id: string;
  competent_agency_name: string;
  submitted_at: Date;
}

export interface NewParty {
  type: PartyType;
  fullName: string;
  nameFolded: string;
  dateOfBirth: string | null;
  sex: Sex | null;
  permanentAreaCode: string | null;
  permanentAddress: string | null;
  createdByAgencyId: string | null;
}

export interface PageFilter {
  status: PartyStatus;
  type?: PartyType;
  /** Only parties with a dossier received or handled in this agency subtree. */
  agencyPath?: string;
  /** Rows wanted (the caller asks one more to know whether a next page exists). */
  limit: number;
}

export interface ExactFilter extends PageFilter {
  identifierHashes?: Array<{ type: IdentifierType; hash: Buffer }>;
  phoneHash?: Buffer;
  after?: [string, string];
}

export type NamePhase = 'prefix' | 'contains';

export interface NameFilter extends PageFilter {
  /** Folded search text. */
  name: string;
  after?: { phase: NamePhase; name: string; id: string };
}

/**
 * Rows of the name-ordered index read before falling back to the trigram index. Text that is common
 * anywhere in the alphabet (a middle or given name) fills a page well within it.
 */
const ORDERED_WINDOW = 30_000;

const SUMMARY_COLUMNS = `p.id, p.type, p.full_name, p.name_folded, p.date_of_birth::text AS date_of_birth, p.sex, p.status,
  (SELECT c.masked FROM party_contacts c WHERE c.party_id = p.id AND c.kind = 'PHONE' AND c.valid_to IS NULL) AS phone_masked,
  (SELECT coalesce(json_agg(json_build_object('id', i.id, 'type', i.type, 'masked', i.masked,
            'validFrom', i.valid_from, 'validTo', i.valid_to) ORDER BY i.created_at, i.id), '[]')
     FROM party_identifiers i WHERE i.party_id = p.id) AS identifiers`;

/**
 * Rows of a raw query. TypeORM answers UPDATE and DELETE (even with RETURNING) as
 * `[rows, affectedCount]` on PostgreSQL, every other command as the rows.
 */
export async function queryRows<T = Record<string, unknown>>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return result;
}

/** Scope parameter: the agency paths under the caller's. */
export function scopePattern(agencyPath: string): string {
  return `${escapeLike(agencyPath)}%`;
}

@Injectable()
export class PartiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * The parties holding any of these identifiers, with the party's identity fields and current
   * contact hashes: everything the intake needs to reuse a party, in one round trip.
   */
  async findByIdentifierHashes(
    manager: EntityManager,
    hashes: ReadonlyArray<{ type: IdentifierType; hash: Buffer }>,
  ): Promise<IdentifierMatch[]> {
    if (!hashes.length) return [];
    const params: unknown[] = [];
    const pairs = hashes.map(({ type, hash }) => {
      params.push(type, hash);
      return `($${params.length - 1}, $${params.length}::bytea)`;
    });
    return preparedManagerQuery<IdentifierMatch>(
      manager,
      `SELECT i.party_id, i.type, encode(i.lookup_hash, 'hex') AS hash, p.type AS party_type, p.date_of_birth::text AS date_of_birth,
              p.sex, p.full_name,
              ARRAY(SELECT c.kind || ':' || encode(c.lookup_hash, 'hex') FROM party_contacts c
                    WHERE c.party_id = i.party_id AND c.valid_to IS NULL) AS contacts
       FROM party_identifiers i JOIN parties p ON p.id = i.party_id
       WHERE (i.type, i.lookup_hash) IN (${pairs.join(', ')})`,
      params,
    );
  }

  /**
   * Inserts a party with its identifiers and contacts in one statement. Identifiers already taken
   * (a concurrent intake of the same person) are skipped: `identifiersInserted` tells the caller.
   */
  async insertParty(
    manager: EntityManager,
    party: NewParty,
    identifiers: readonly SealedIdentifier[],
    contacts: readonly SealedContact[],
  ): Promise<{ id: string; identifiersInserted: number }> {
    const [row] = await preparedManagerQuery<{ id: string; identifiers: number; contacts: number }>(
      manager,
      `WITH p AS (
         INSERT INTO parties (type, full_name, name_folded, date_of_birth, sex, permanent_area_code, permanent_address, created_by_agency_id, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id
       ), i AS (
         INSERT INTO party_identifiers (party_id, type, value_encrypted, key_id, lookup_hash, masked, valid_from, valid_to)
         SELECT p.id, x.type, x.enc, x.key_id, x.hash, x.masked, x.valid_from, x.valid_to
         FROM p, unnest($9::varchar[], $10::bytea[], $11::varchar[], $12::bytea[], $13::varchar[], $14::date[], $15::date[])
              AS x(type, enc, key_id, hash, masked, valid_from, valid_to)
         ON CONFLICT (type, lookup_hash) DO NOTHING
         RETURNING 1
       ), c AS (
         INSERT INTO party_contacts (party_id, kind, value_encrypted, key_id, lookup_hash, masked, area_code)
         SELECT p.id, x.kind, x.enc, x.key_id, x.hash, x.masked, x.area_code
         FROM p, unnest($16::varchar[], $17::bytea[], $18::varchar[], $19::bytea[], $20::varchar[], $21::varchar[])
              AS x(kind, enc, key_id, hash, masked, area_code)
         RETURNING 1
       )
       SELECT (SELECT id FROM p) AS id, (SELECT count(*) FROM i)::int AS identifiers, (SELECT count(*) FROM c)::int AS contacts`,
      [
        party.type,
        party.fullName,
        party.nameFolded,
        party.dateOfBirth,
        party.sex,
        party.permanentAreaCode,
        party.permanentAddress,
        party.createdByAgencyId,
        identifiers.map((i) => i.type),
        identifiers.map((i) => i.ciphertext),
        identifiers.map((i) => i.keyId),
        identifiers.map((i) => i.hash),
        identifiers.map((i) => i.masked),
        identifiers.map((i) => i.validFrom),
        identifiers.map((i) => i.validTo),
        contacts.map((c) => c.kind),
        contacts.map((c) => c.ciphertext),
        contacts.map((c) => c.keyId),
        contacts.map((c) => c.hash),
        contacts.map((c) => c.masked),
        contacts.map((c) => c.areaCode),
      ],
    );
    return { id: row.id, identifiersInserted: row.identifiers };
  }

  /** Undoes a party created in this transaction that lost an identifier race (cascade removes its rows). */
  async deleteFreshParty(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM parties WHERE id = $1', [id]);
  }

  /** Adds identifiers to a party; those held by anyone already are skipped. Returns the types added. */
  async addIdentifiers(manager: EntityManager, partyId: string, identifiers: readonly SealedIdentifier[]): Promise<number> {
    if (!identifiers.length) return 0;
    const rows = await manager.query(
      `INSERT INTO party_identifiers (party_id, type, value_encrypted, key_id, lookup_hash, masked, valid_from, valid_to)
       SELECT $1, x.type, x.enc, x.key_id, x.hash, x.masked, x.valid_from, x.valid_to
       FROM unnest($2::varchar[], $3::bytea[], $4::varchar[], $5::bytea[], $6::varchar[], $7::date[], $8::date[])
            AS x(type, enc, key_id, hash, masked, valid_from, valid_to)
       ON CONFLICT (type, lookup_hash) DO NOTHING RETURNING id`,
      [
        partyId,
        identifiers.map((i) => i.type),
        identifiers.map((i) => i.ciphertext),
        identifiers.map((i) => i.keyId),
        identifiers.map((i) => i.hash),
        identifiers.map((i) => i.masked),
        identifiers.map((i) => i.validFrom),
        identifiers.map((i) => i.validTo),
      ],
    );
    return rows.length;
  }

  async removeIdentifiers(manager: EntityManager, partyId: string, ids: readonly string[]): Promise<number> {
    const rows = await queryRows(manager, 'DELETE FROM party_identifiers WHERE party_id = $1 AND id = ANY($2::uuid[]) RETURNING id', [
      partyId,
      ids,
    ]);
    return rows.length;
  }

  /**
   * Versioning: the current row of each kind in `close` gets `valid_to = now()`, then the new
   * values open new current rows. Two statements so the one-current-per-kind index never sees two.
   */
  async replaceContacts(
    manager: EntityManager,
    partyId: string,
    close: readonly ContactKind[],
    open: readonly SealedContact[],
  ): Promise<void> {
    if (close.length) {
      await manager.query(
        `UPDATE party_contacts SET valid_to = now() WHERE party_id = $1 AND valid_to IS NULL AND kind = ANY($2::varchar[])`,
        [partyId, close],
      );
    }
    if (open.length) {
      await manager.query(
        `INSERT INTO party_contacts (party_id, kind, value_encrypted, key_id, lookup_hash, masked, area_code)
         SELECT $1, x.kind, x.enc, x.key_id, x.hash, x.masked, x.area_code
         FROM unnest($2::varchar[], $3::bytea[], $4::varchar[], $5::bytea[], $6::varchar[], $7::varchar[]) AS x(kind, enc, key_id, hash, masked, area_code)`,
        [
          partyId,
          open.map((c) => c.kind),
          open.map((c) => c.ciphertext),
          open.map((c) => c.keyId),
          open.map((c) => c.hash),
          open.map((c) => c.masked),
          open.map((c) => c.areaCode),
        ],
      );
    }
  }

  /** Current contact hashes by kind (hex). */
  async currentContactHashes(manager: EntityManager, partyId: string): Promise<Partial<Record<ContactKind, string>>> {
    const rows: Array<{ kind: ContactKind; hash: string }> = await manager.query(
      `SELECT kind, encode(lookup_hash, 'hex') AS hash FROM party_contacts WHERE party_id = $1 AND valid_to IS NULL`,
      [partyId],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.hash]));
  }

  async findParty(manager: EntityManager, id: string, lock = false): Promise<PartyRow | undefined> {
    const [row] = await manager.query(
      `SELECT id, type, full_name, name_folded, date_of_birth::text AS date_of_birth, sex, permanent_area_code, permanent_address,
              status, merged_into_id, created_by_agency_id, created_at, updated_at, version, restricted_at, restriction_reason
       FROM parties WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  /** Follows `merged_into_id` to the party that holds the data now (merges flatten chains, so ≤ 1 hop). */
  async resolveMerged(manager: EntityManager, id: string): Promise<{ id: string; status: PartyStatus; type: PartyType } | undefined> {
    const [row] = await manager.query(
      `WITH RECURSIVE chain AS (
         SELECT id, status, type, merged_into_id, 0 AS depth FROM parties WHERE id = $1
         UNION ALL
         SELECT p.id, p.status, p.type, p.merged_into_id, chain.depth + 1 FROM parties p JOIN chain ON p.id = chain.merged_into_id
         WHERE chain.depth < 8
       )
       SELECT id, status, type FROM chain ORDER BY depth DESC LIMIT 1`,
      [id],
    );
    return row;
  }

  async identifiersOf(manager: EntityManager, partyId: string): Promise<IdentifierRow[]> {
    return manager.query(
      `SELECT id, type, value_encrypted, key_id, masked, valid_from::text AS valid_from, valid_to::text AS valid_to
       FROM party_identifiers WHERE party_id = $1 ORDER BY created_at, id`,
      [partyId],
    );
  }

  /** Every contact version, current ones first, then newest first. */
  async contactsOf(manager: EntityManager, partyId: string, kinds?: readonly ContactKind[]): Promise<ContactRow[]> {
    return manager.query(
      `SELECT id, kind, value_encrypted, key_id, lookup_hash, masked, area_code, valid_from, valid_to
       FROM party_contacts WHERE party_id = $1 ${kinds ? 'AND kind = ANY($2::varchar[])' : ''}
       ORDER BY valid_to IS NOT NULL, valid_from DESC, id`,
      kinds ? [partyId, kinds] : [partyId],
    );
  }

  async representativesOf(manager: EntityManager, partyId: string): Promise<RepresentativeRow[]> {
    return manager.query(
      `SELECT r.id, r.organization_id, o.full_name AS organization_name, r.representative_id, i.full_name AS representative_name, r.role,
              r.valid_from::text AS valid_from, r.valid_to::text AS valid_to
       FROM party_representatives r
       JOIN parties o ON o.id = r.organization_id JOIN parties i ON i.id = r.representative_id
       WHERE r.organization_id = $1 OR r.representative_id = $1
       ORDER BY r.valid_to IS NOT NULL, r.created_at`,
      [partyId],
    );
  }

  async consentsOf(manager: EntityManager, partyId: string): Promise<ConsentRow[]> {
    return manager.query(
      `SELECT id, channel, purpose, given_at, withdrawn_at FROM party_consents WHERE party_id = $1
       ORDER BY withdrawn_at IS NOT NULL, given_at DESC`,
      [partyId],
    );
  }

  /** The party's dossiers received or handled by an agency in the caller's scope, newest first. */
  async dossiersInScope(
    principal: Principal,
    partyId: string,
    manager: EntityManager = this.dataSource.manager,
    limit = 200,
  ): Promise<DossierHistoryRow[]> {
    const query = manager
      .createQueryBuilder()
      .select([
        'd.id AS dossier_id',
        'd.code AS code',
        'dp.role AS role',
        'd.status AS status',
        'd.status_code AS status_code',
        'pr.code AS procedure_code',
        'pr.name AS procedure_name',
        'd.receiving_agency_id AS receiving_agency_id',
        'ra.name AS receiving_agency_name',
        'd.competent_agency_id AS competent_agency_id',
        'ca.name AS competent_agency_name',
        'd.submitted_at AS submitted_at',
      ])
      .from('dossier_parties', 'dp')
      .innerJoin('dossiers', 'd', 'd.id = dp.dossier_id')
      .innerJoin('procedures', 'pr', 'pr.id = d.procedure_id')
      .innerJoin('agencies', 'ra', 'ra.id = d.receiving_agency_id')
      .innerJoin('agencies', 'ca', 'ca.id = d.competent_agency_id')
      .where('dp.party_id = :partyId', { partyId });
    return whereInAgencyScope(query, principal, 'd.receiving_agency_id', 'd.competent_agency_id')
      .orderBy('d.submitted_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit)
      .getRawMany();
  }

  /** A party is "ours" when an agency in scope registered it or received / handled one of its dossiers. */
  async isInScope(manager: EntityManager, principal: Principal, partyId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM parties p WHERE p.id = $1 AND p.created_by_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE $2)
       ) OR EXISTS (
         SELECT 1 FROM dossier_parties dp JOIN dossiers d ON d.id = dp.dossier_id
         WHERE dp.party_id = $1
           AND (d.receiving_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE $2)
             OR d.competent_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE $2))
       ) AS in_scope`,
      [partyId, scopePattern(principal.agencyPath)],
    );
    return row.in_scope;
  }

  async agencyPath(id: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query('SELECT path FROM agencies WHERE id = $1', [id]);
    return row?.path;
  }

  /** Keyset page in name order: every party (no text), or exact identifier / phone matches through the keyed hash. */
  async findPage(filter: ExactFilter): Promise<SummaryRow[]> {
    const { where, p, params } = this.baseWhere(filter);
    if (filter.identifierHashes || filter.phoneHash) {
      const sources: string[] = [];
      for (const { type, hash } of filter.identifierHashes ?? []) {
        sources.push(`SELECT party_id FROM party_identifiers WHERE type = ${p(type)} AND lookup_hash = ${p(hash)}::bytea`);
      }
      if (filter.phoneHash)
        sources.push(`SELECT party_id FROM party_contacts WHERE kind = 'PHONE' AND lookup_hash = ${p(filter.phoneHash)}::bytea`);
      where.push(sources.length ? `p.id IN (${sources.join(' UNION ')})` : 'false');
    }
    if (filter.after) where.push(`(p.name_folded, p.id) > (${p(filter.after[0])}, ${p(filter.after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM parties p WHERE ${where.join(' AND ')} ORDER BY p.name_folded, p.id LIMIT ${p(filter.limit)}`,
      params,
    );
  }

  /**
   * Name search, diacritics and case ignored: names starting with the text first (a range of the
   * name index, already in order), then names containing it elsewhere. The second phase reads a
   * bounded stretch of the name index (enough for common text) and otherwise collects the matches
   * through the pg_trgm index and sorts them (rare text). Keeps p95 low whether the text is common
   * ("nguyen"), clustered ("nguyen van an") or rare.
   */
  async searchByName(filter: NameFilter): Promise<Array<SummaryRow & { phase: NamePhase }>> {
    const found: Array<{ id: string; phase: NamePhase }> = [];
    const prefix = `${escapeLike(filter.name)}%`;
    const contains = `%${escapeLike(filter.name)}%`;
    if (!filter.after || filter.after.phase === 'prefix') {
      const { where, p, params } = this.baseWhere(filter);
      where.push(`p.name_folded LIKE ${p(prefix)}`);
      if (filter.after) where.push(`(p.name_folded, p.id) > (${p(filter.after.name)}, ${p(filter.after.id)}::uuid)`);
      const rows: Array<{ id: string }> = await this.dataSource.query(
        `SELECT p.id FROM parties p WHERE ${where.join(' AND ')} ORDER BY p.name_folded, p.id LIMIT ${p(filter.limit)}`,
        params,
      );
      found.push(...rows.map((r) => ({ id: r.id, phase: 'prefix' as const })));
    }
    const wanted = filter.limit - found.length;
    if (wanted > 0) {
      const { where, p, params } = this.baseWhere(filter);
      if (filter.after?.phase === 'contains') where.push(`(p.name_folded, p.id) > (${p(filter.after.name)}, ${p(filter.after.id)}::uuid)`);
      const containsParam = p(contains);
      const prefixParam = p(prefix);
      const matchOn = (alias: string) => `${alias}.name_folded LIKE ${containsParam} AND ${alias}.name_folded NOT LIKE ${prefixParam}`;
      const match = matchOn('s');
      const limit = p(wanted);
      // Several words ("van an", "thi lan") are selective: go straight to the trigram index. A single
      // word may be very common ("thi"): stream the name index in order and stop at the page's last
      // match; the window's last row comes back as a sentinel only when the window ran out first.
      let ids: string[] = [];
      let windowFull = true;
      if (!filter.name.includes(' ')) {
        const streamed: Array<{ id: string; rn: string; matches: boolean }> = await this.dataSource.query(
          `SELECT s.id, s.rn, (${match}) AS matches FROM (
             SELECT p.id, p.name_folded, row_number() OVER (ORDER BY p.name_folded, p.id) AS rn
             FROM parties p WHERE ${where.join(' AND ')} ORDER BY p.name_folded, p.id LIMIT ${ORDERED_WINDOW}
           ) s
           WHERE (${match}) OR s.rn = ${ORDERED_WINDOW}
           ORDER BY s.name_folded, s.id LIMIT ${limit}`,
          params,
        );
        ids = streamed.filter((r) => r.matches).map((r) => r.id);
        windowFull = streamed.some((r) => Number(r.rn) === ORDERED_WINDOW);
      }
      if (ids.length < wanted && windowFull) {
        // Rare text: collect every match through the trigram index, then sort them.
        const rows: Array<{ id: string }> = await this.dataSource.query(
          `WITH s AS MATERIALIZED (SELECT p.id, p.name_folded FROM parties p WHERE ${where.join(' AND ')} AND ${matchOn('p')})
           SELECT s.id FROM s ORDER BY s.name_folded, s.id LIMIT ${limit}`,
          params,
        );
        ids = rows.map((r) => r.id);
      }
      found.push(...ids.map((id) => ({ id, phase: 'contains' as const })));
    }
    const rows = new Map((await this.summaries(found.map((f) => f.id))).map((r) => [r.id, r]));
    return found.flatMap((f) => {
      const row = rows.get(f.id);
      return row ? [{ ...row, phase: f.phase }] : [];
    });
  }

  /** Status (inlined: a validated enum, so the planner can use the partial indexes on ACTIVE parties), type, agency served. */
  private baseWhere(filter: PageFilter): { where: string[]; params: unknown[]; p: (value: unknown) => string } {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`p.status = '${filter.status}'`];
    if (filter.type) where.push(`p.type = ${p(filter.type)}`);
    if (filter.agencyPath !== undefined) {
      const scope = p(scopePattern(filter.agencyPath));
      where.push(`EXISTS (SELECT 1 FROM dossier_parties dp JOIN dossiers d ON d.id = dp.dossier_id WHERE dp.party_id = p.id
        AND (d.receiving_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE ${scope})
          OR d.competent_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE ${scope})))`);
    }
    return { where, params, p };
  }

  async summaries(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<SummaryRow[]> {
    if (!ids.length) return [];
    return manager.query(`SELECT ${SUMMARY_COLUMNS} FROM parties p WHERE p.id = ANY($1::uuid[]) ORDER BY p.name_folded, p.id`, [ids]);
  }

  async linkDossier(manager: EntityManager, dossierId: string, partyId: string, role: DossierPartyRole): Promise<void> {
    await manager.query(`INSERT INTO dossier_parties (dossier_id, role, party_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      dossierId,
      role,
      partyId,
    ]);
  }
}
