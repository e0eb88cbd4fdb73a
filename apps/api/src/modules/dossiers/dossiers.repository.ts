import { foldVietnamese, parseDossierCode } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike, whereInAgencyScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { Procedure } from '../catalog/entities/procedure.entity';
import { ListDossiersQuery } from './dto/dossier.dto';
import { DossierEvent } from './entities/dossier-event.entity';
import { Dossier } from './entities/dossier.entity';

export interface DossierRow {
  dossier: Dossier;
  procedureName: string;
  procedureCode: string;
}

function toRows({ entities, raw }: { entities: Dossier[]; raw: Array<Record<string, string>> }): DossierRow[] {
  return entities.map((dossier, i) => ({ dossier, procedureName: raw[i].procedure_name, procedureCode: raw[i].procedure_code }));
}

/** Offset of Vietnamese local dates, for "received on date X" filters. */
const LOCAL_TZ = 'Asia/Ho_Chi_Minh';

@Injectable()
export class DossiersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A dossier is visible when it was received by, or is handled by, an agency in the caller's scope. */
  private scoped(principal: Principal, manager: EntityManager = this.dataSource.manager) {
    const query = manager
      .createQueryBuilder(Dossier, 'd')
      .innerJoin(Procedure, 'p', 'p.id = d.procedure_id')
      .addSelect('p.name', 'procedure_name')
      .addSelect('p.code', 'procedure_code');
    return whereInAgencyScope(query, principal, 'd.receiving_agency_id', 'd.competent_agency_id');
  }

  async findByCodeInScope(principal: Principal, code: string, manager?: EntityManager, lock = false): Promise<DossierRow | undefined> {
    const query = this.scoped(principal, manager).andWhere('d.code = :code', { code });
    if (lock) query.setLock('pessimistic_write', undefined, ['d']);
    return toRows(await query.getRawAndEntities())[0];
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<DossierRow | undefined> {
    const result = await manager
      .createQueryBuilder(Dossier, 'd')
      .innerJoin(Procedure, 'p', 'p.id = d.procedure_id')
      .addSelect('p.name', 'procedure_name')
      .addSelect('p.code', 'procedure_code')
      .where('d.id = :id', { id })
      .getRawAndEntities();
    return toRows(result)[0];
  }

  /** Newest first, keyset on (created_at, id); every filter backed by a column the query can use. */
  async findPage(
    principal: Principal,
    f: ListDossiersQuery,
    limit: number,
    now: Date,
  ): Promise<{ rows: DossierRow[]; nextCursor: string | null }> {
    const query = this.scoped(principal);
    if (f.status) query.andWhere('d.status = :status', { status: f.status });
    if (f.channel) query.andWhere('d.channel = :channel', { channel: f.channel });
    if (f.procedureCode) query.andWhere('p.code = :procedureCode', { procedureCode: f.procedureCode });
    if (f.field) query.andWhere('p.field = :field', { field: f.field });
    if (f.agencyId) {
      query.andWhere(
        `(d.receiving_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE (SELECT a.path FROM agencies a WHERE a.id = :agencyId) || '%')
          OR d.competent_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE (SELECT a.path FROM agencies a WHERE a.id = :agencyId) || '%'))`,
        { agencyId: f.agencyId },
      );
    }
    if (f.receivedFrom)
      query.andWhere(`d.received_at >= (:receivedFrom::date)::timestamp AT TIME ZONE '${LOCAL_TZ}'`, { receivedFrom: f.receivedFrom });
    if (f.receivedTo)
      query.andWhere(`d.received_at < ((:receivedTo::date + 1)::timestamp AT TIME ZONE '${LOCAL_TZ}')`, { receivedTo: f.receivedTo });
    if (f.dueBefore) query.andWhere('d.due_at < :dueBefore', { dueBefore: new Date(f.dueBefore) });
    if (f.q) query.andWhere('d.search_text LIKE :q', { q: `%${escapeLike(foldVietnamese(f.q))}%` });
    switch (f.timeliness) {
      case 'EARLY':
      case 'ON_TIME':
      case 'LATE':
        query.andWhere('d.timeliness = :timeliness', { timeliness: f.timeliness });
        break;
      case 'OVERDUE':
        query.andWhere('d.finished_at IS NULL AND d.due_at < :now', { now });
        break;
      case 'DUE_SOON':
        query.andWhere('d.finished_at IS NULL AND d.due_soon_at <= :now AND d.due_at >= :now', { now });
        break;
      case 'WITHIN':
        query.andWhere('d.finished_at IS NULL AND d.due_soon_at > :now', { now });
        break;
    }
    if (f.cursor) {
      const [createdAt, id] = decodeCursor(f.cursor, 2);
      query.andWhere('(d.created_at, d.id) < (:createdAt, :id)', { createdAt: new Date(createdAt), id });
    }
    const found = toRows(
      await query
        .orderBy('d.created_at', 'DESC')
        .addOrderBy('d.id', 'DESC')
        .limit(limit + 1)
        .getRawAndEntities(),
    );
    const rows = found.slice(0, limit);
    const last = rows[rows.length - 1]?.dossier;
    return { rows, nextCursor: found.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
  }

  timeline(dossierId: string, manager: EntityManager = this.dataSource.manager): Promise<DossierEvent[]> {
    return manager.find(DossierEvent, { where: { dossierId }, order: { id: 'ASC' } });
  }

  /** Next sequence for an agency and local day, under the counter row's lock: unique and gap-free. */
  async nextSequence(manager: EntityManager, agencyId: string, localDate: string): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO dossier_code_counters (agency_id, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = dossier_code_counters.last_seq + 1
       RETURNING last_seq`,
      [agencyId, localDate],
    );
    return Number(row.last_seq);
  }

  /** An imported code takes its sequence out of the live allocation, so a later live code never collides. */
  async reserveImportedCode(manager: EntityManager, agencyId: string, code: string): Promise<void> {
    const parsed = parseDossierCode(code);
    if (!parsed) return;
    const day = `20${parsed.yymmdd.slice(0, 2)}-${parsed.yymmdd.slice(2, 4)}-${parsed.yymmdd.slice(4, 6)}`;
    await manager.query(
      `INSERT INTO dossier_code_counters (agency_id, day, last_seq) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = GREATEST(dossier_code_counters.last_seq, EXCLUDED.last_seq)`,
      [agencyId, day, parsed.sequence],
    );
  }

  async findByCode(code: string): Promise<DossierRow | undefined> {
    const result = await this.dataSource.manager
      .createQueryBuilder(Dossier, 'd')
      .innerJoin(Procedure, 'p', 'p.id = d.procedure_id')
      .addSelect('p.name', 'procedure_name')
      .addSelect('p.code', 'procedure_code')
      .where('d.code = :code', { code })
      .getRawAndEntities();
    return toRows(result)[0];
  }
}
