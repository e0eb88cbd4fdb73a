import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { ProblemException } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { DuplicatePage, ListDuplicatesQuery, MergePartiesRequest, PartyMergeResponse, PseudonymiseRequest } from './dto/party-admin.dto';
import { PartyResponse } from './dto/party.dto';
import type { PartyMergeMoved } from './entities/party-merge.entity';
import type { PartyStatus, PartyType } from './entities/party.entity';
import { PartyAccessLogService } from './party-access-log.service';
import { foldName } from './party-input';
import { partyNotActive, partyNotFound } from './parties.errors';
import { queryRows } from './parties.repository';
import { PartiesService } from './parties.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function count(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  return (await queryRows(manager, sql, params)).length;
}

/** Administrator work on the registry: duplicate review, merge, pseudonymisation. */
@Injectable()
export class PartyAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: PartiesService,
    private readonly accessLog: PartyAccessLogService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Two records of one person: the merged party's dossier links, identifiers, contacts (its current
   * ones become history where the survivor has a current value), representatives and consents
   * move to the survivor; the merged party stays as MERGED with `mergedIntoId`. One transaction.
   */
  async merge(actor: ActorContext, body: MergePartiesRequest): Promise<PartyMergeResponse> {
    if (body.survivorId === body.mergedId) {
      throw new ProblemException({
        status: 409,
        code: 'PARTY_MERGE_SELF',
        title: 'Conflict',
        detail: 'Không thể hợp nhất một bản ghi với chính nó.',
        errors: [{ field: 'mergedId', rule: 'notSurvivor', message: 'Bản ghi bị hợp nhất phải khác bản ghi giữ lại' }],
      });
    }
    const principal = principalOf(actor);
    return this.dataSource.transaction(async (tx) => {
      // Both rows locked in a fixed order, so two merges of the same pair cannot deadlock.
      const rows: Array<{ id: string; type: PartyType; status: PartyStatus; merged_into_id: string | null }> = await tx.query(
        'SELECT id, type, status, merged_into_id FROM parties WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
        [[body.survivorId, body.mergedId]],
      );
      const survivor = rows.find((r) => r.id === body.survivorId);
      const merged = rows.find((r) => r.id === body.mergedId);
      if (!survivor || !merged) throw partyNotFound();
      for (const party of [survivor, merged]) if (party.status !== 'ACTIVE') throw partyNotActive(party.status, party.merged_into_id);
      if (survivor.type !== merged.type) {
        throw new ProblemException({
          status: 409,
          code: 'PARTY_MERGE_TYPE_MISMATCH',
          title: 'Conflict',
          detail: 'Chỉ hợp nhất được hai bản ghi cùng loại (cá nhân với cá nhân, tổ chức với tổ chức).',
        });
      }
      const s = survivor.id;
      const m = merged.id;
      const moved: PartyMergeMoved = {
        dossierLinks: await count(
          tx,
          `UPDATE dossier_parties dp SET party_id = $1 WHERE dp.party_id = $2
             AND NOT EXISTS (SELECT 1 FROM dossier_parties x WHERE x.dossier_id = dp.dossier_id AND x.role = dp.role AND x.party_id = $1)
           RETURNING 1`,
          [s, m],
        ),
        identifiers: 0,
        contacts: 0,
        representatives: 0,
        consents: 0,
      };
      // Links the survivor already had for the same dossier and role.
      await tx.query('DELETE FROM dossier_parties WHERE party_id = $1', [m]);
      moved.identifiers = await count(tx, 'UPDATE party_identifiers SET party_id = $1 WHERE party_id = $2 RETURNING 1', [s, m]);
      await tx.query(
        `UPDATE party_contacts SET valid_to = now() WHERE party_id = $2 AND valid_to IS NULL
           AND kind IN (SELECT kind FROM party_contacts WHERE party_id = $1 AND valid_to IS NULL)`,
        [s, m],
      );
      moved.contacts = await count(tx, 'UPDATE party_contacts SET party_id = $1 WHERE party_id = $2 RETURNING 1', [s, m]);
      moved.representatives =
        (await count(tx, 'UPDATE party_representatives SET organization_id = $1 WHERE organization_id = $2 RETURNING 1', [s, m])) +
        (await count(tx, 'UPDATE party_representatives SET representative_id = $1 WHERE representative_id = $2 RETURNING 1', [s, m]));
      await tx.query('DELETE FROM party_representatives WHERE organization_id = representative_id AND organization_id = $1', [s]);
      moved.consents = await count(tx, 'UPDATE party_consents SET party_id = $1 WHERE party_id = $2 RETURNING 1', [s, m]);
      // The survivor keeps its own identity data and takes over only what it lacked.
      await tx.query(
        `UPDATE parties s SET date_of_birth = coalesce(s.date_of_birth, m.date_of_birth), sex = coalesce(s.sex, m.sex),
           permanent_area_code = CASE WHEN s.permanent_address IS NULL THEN m.permanent_area_code ELSE s.permanent_area_code END,
           permanent_address = coalesce(s.permanent_address, m.permanent_address),
           version = s.version + 1, updated_at = now()
         FROM parties m WHERE s.id = $1 AND m.id = $2`,
        [s, m],
      );
      await tx.query(`UPDATE parties SET status = 'MERGED', merged_into_id = $1, version = version + 1, updated_at = now() WHERE id = $2`, [
        s,
        m,
      ]);
      // Earlier merges into the merged party now point at the survivor (chains stay one hop).
      await tx.query('UPDATE parties SET merged_into_id = $1 WHERE merged_into_id = $2', [s, m]);
      const [merge] = await tx.query(
        `INSERT INTO party_merges (survivor_id, merged_id, reason, merged_by_id, merged_by_name, moved) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, at`,
        [s, m, body.reason, principal.id, principal.name, JSON.stringify(moved)],
      );
      await this.accessLog.record(
        actor,
        { partyIds: [s, m], action: 'MERGE', fields: ['identifiers', 'contacts', 'dossiers'], purpose: body.reason },
        tx,
      );
      await this.audit.record(
        actor,
        { action: 'party.merged', targetType: 'party', targetId: s, after: { mergedId: m, mergeId: merge.id, moved, reason: body.reason } },
        tx,
      );
      return { id: merge.id, survivorId: s, mergedId: m, at: merge.at.toISOString(), moved };
    });
  }

  /**
   * On request or when the retention period ends: the record stays (archive law, dossier links),
   * the personal fields are replaced, identifiers and contacts removed, consents withdrawn.
   */
  async pseudonymise(actor: ActorContext, id: string, body: PseudonymiseRequest): Promise<PartyResponse> {
    const principal = principalOf(actor);
    await this.dataSource.transaction(async (tx) => {
      const [party] = await tx.query('SELECT id, status FROM parties WHERE id = $1 FOR UPDATE', [id]);
      if (!party) throw partyNotFound();
      if (party.status === 'PSEUDONYMISED') {
        throw new ProblemException({
          status: 409,
          code: 'PARTY_ALREADY_PSEUDONYMISED',
          title: 'Conflict',
          detail: 'Bản ghi đã được ẩn danh hoá.',
        });
      }
      const identifiers = await count(tx, 'DELETE FROM party_identifiers WHERE party_id = $1 RETURNING 1', [id]);
      const contacts = await count(tx, 'DELETE FROM party_contacts WHERE party_id = $1 RETURNING 1', [id]);
      await tx.query('UPDATE party_consents SET withdrawn_at = now() WHERE party_id = $1 AND withdrawn_at IS NULL', [id]);
      const pseudonym = `Đã ẩn danh ${id.slice(0, 8).toUpperCase()}`;
      await tx.query(
        `UPDATE parties SET full_name = $2, name_folded = $3, date_of_birth = NULL, sex = NULL, permanent_area_code = NULL,
           permanent_address = NULL, status = 'PSEUDONYMISED', pseudonymised_at = now(), version = version + 1, updated_at = now()
         WHERE id = $1`,
        [id, pseudonym, foldName(pseudonym)],
      );
      await this.accessLog.record(actor, { partyIds: [id], action: 'PSEUDONYMISE', fields: ['all'], purpose: body.reason }, tx);
      await this.audit.record(
        actor,
        {
          action: 'party.pseudonymised',
          targetType: 'party',
          targetId: id,
          before: { status: party.status },
          after: { status: 'PSEUDONYMISED', identifiersRemoved: identifiers, contactsRemoved: contacts, reason: body.reason },
        },
        tx,
      );
    });
    return this.parties.detail(principal, id);
  }

  /**
   * Restriction of processing at the person's request (Law 91/2025, subject rights): the record
   * stays and can be read (logged), but nobody reveals it or exports its contacts until it is lifted.
   */
  async restrict(actor: ActorContext, id: string, body: PseudonymiseRequest | null): Promise<PartyResponse> {
    const principal = principalOf(actor);
    const restricting = body !== null;
    await this.dataSource.transaction(async (tx) => {
      const [party] = await tx.query('SELECT id, restricted_at FROM parties WHERE id = $1 FOR UPDATE', [id]);
      if (!party) throw partyNotFound();
      if (restricting === Boolean(party.restricted_at)) {
        throw new ProblemException({
          status: 409,
          code: restricting ? 'PARTY_ALREADY_RESTRICTED' : 'PARTY_NOT_RESTRICTED',
          title: 'Conflict',
          detail: restricting ? 'Bản ghi đang bị hạn chế xử lý.' : 'Bản ghi không bị hạn chế xử lý.',
        });
      }
      await tx.query(
        `UPDATE parties SET restricted_at = $2, restriction_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, restricting ? new Date() : null, body?.reason ?? null],
      );
      await this.audit.record(
        actor,
        {
          action: restricting ? 'party.restricted' : 'party.restriction-lifted',
          targetType: 'party',
          targetId: id,
          after: { reason: body?.reason },
        },
        tx,
      );
    });
    return this.parties.detail(principal, id);
  }

  /**
   * Suspected duplicates (no shared identifier: identifiers are unique): active parties with the
   * same folded name and birth date, or the same current phone. Keyset over the group key.
   */
  async duplicates(query: ListDuplicatesQuery): Promise<DuplicatePage> {
    const reason = query.reason ?? 'NAME_AND_BIRTH_DATE';
    const limit = query.limit ?? 50;
    let groups: Array<{ key1: string; key2: string; ids: string[] }>;
    if (reason === 'NAME_AND_BIRTH_DATE') {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      if (after && !DATE.test(after[1])) throw invalidCursor();
      groups = await this.dataSource.query(
        `SELECT name_folded AS key1, date_of_birth::text AS key2, array_agg(id ORDER BY created_at, id) AS ids
         FROM parties WHERE status = 'ACTIVE' AND date_of_birth IS NOT NULL ${after ? 'AND (name_folded, date_of_birth) > ($2, $3::date)' : ''}
         GROUP BY name_folded, date_of_birth HAVING count(*) > 1
         ORDER BY name_folded, date_of_birth LIMIT $1`,
        after ? [limit + 1, after[0], after[1]] : [limit + 1],
      );
    } else {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      if (after && !/^[0-9a-f]{64}$/.test(after[0])) throw invalidCursor();
      groups = await this.dataSource.query(
        `SELECT encode(c.lookup_hash, 'hex') AS key1, '' AS key2, array_agg(DISTINCT c.party_id) AS ids
         FROM party_contacts c JOIN parties p ON p.id = c.party_id AND p.status = 'ACTIVE'
         WHERE c.kind = 'PHONE' AND c.valid_to IS NULL ${after ? `AND c.lookup_hash > decode($2, 'hex')` : ''}
         GROUP BY c.lookup_hash HAVING count(DISTINCT c.party_id) > 1
         ORDER BY c.lookup_hash LIMIT $1`,
        after ? [limit + 1, after[0]] : [limit + 1],
      );
    }
    const page = groups.slice(0, limit);
    const summaries = new Map((await this.parties.summaries(page.flatMap((g) => g.ids))).map((s) => [s.id, s]));
    const last = page[page.length - 1];
    return {
      items: page.map((g) => ({ reason, parties: g.ids.map((id) => summaries.get(id)).filter((s) => s !== undefined) })),
      nextCursor: groups.length > limit ? encodeCursor([last.key1, last.key2]) : null,
    };
  }
}

const invalidCursor = () => validationProblem([{ field: 'cursor', rule: 'cursor', message: 'Invalid cursor' }]);
