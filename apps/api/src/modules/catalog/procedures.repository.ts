import { foldVietnamese } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { escapeLike } from '../../common/auth/agency-scope';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { Agency } from './entities/agency.entity';
import { ProcedureStep } from './entities/procedure-step.entity';
import { OnlineRegime, Procedure, ProcedureLevel, ProcedureStatus } from './entities/procedure.entity';

export interface ProcedureFilters {
  q?: string;
  field?: string;
  agencyId?: string;
  level?: ProcedureLevel;
  regime?: OnlineRegime;
  status?: ProcedureStatus;
  onlineOnly?: boolean;
  cursor?: string;
  limit: number;
}

@Injectable()
export class ProceduresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One row per code: the version with the given status, or by default the code's current version
   * (the published one, else the latest). Ordered by code, keyset-paginated.
   */
  async findPage(filters: ProcedureFilters): Promise<{ rows: Procedure[]; nextCursor: string | null }> {
    const current = this.dataSource
      .createQueryBuilder()
      .select('DISTINCT ON (c.code) c.id')
      .from(Procedure, 'c')
      .orderBy('c.code')
      .addOrderBy(`(c.status = 'PUBLISHED')`, 'DESC')
      .addOrderBy('c.version_no', 'DESC');
    if (filters.status) current.where('c.status = :status');

    const query = this.dataSource.manager
      .createQueryBuilder(Procedure, 'p')
      .where(`p.id IN (${current.getQuery()})`)
      .setParameters({ status: filters.status });
    if (filters.q) query.andWhere('p.search_text LIKE :q', { q: `%${escapeLike(foldVietnamese(filters.q))}%` });
    if (filters.field) query.andWhere('p.field = :field', { field: filters.field });
    if (filters.agencyId) query.andWhere('p.competent_agency_id = :agencyId', { agencyId: filters.agencyId });
    if (filters.level) query.andWhere('p.level = :level', { level: filters.level });
    if (filters.regime) query.andWhere('p.online_regime = :regime', { regime: filters.regime });
    if (filters.onlineOnly) query.andWhere(`p.online_regime <> 'NONE'`);
    if (filters.cursor) query.andWhere('p.code > :after', { after: decodeCursor(filters.cursor, 1)[0] });
    const found = await query
      .orderBy('p.code', 'ASC')
      .limit(filters.limit + 1)
      .getMany();
    const rows = found.slice(0, filters.limit);
    return { rows, nextCursor: found.length > filters.limit ? encodeCursor([rows[rows.length - 1].code]) : null };
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Procedure | null> {
    const query = manager.createQueryBuilder(Procedure, 'p').where('p.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  findPublishedByCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<Procedure | null> {
    return manager.findOneBy(Procedure, { code, status: 'PUBLISHED' });
  }

  versionsOf(code: string, manager: EntityManager = this.dataSource.manager): Promise<Procedure[]> {
    return manager.find(Procedure, { where: { code }, order: { versionNo: 'DESC' } });
  }

  stepsOf(procedureId: string, manager: EntityManager = this.dataSource.manager): Promise<ProcedureStep[]> {
    return manager.find(ProcedureStep, { where: { procedureId }, order: { seq: 'ASC' } });
  }

  async agencyNames(ids: Array<string | null>, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (!wanted.length) return new Map();
    const agencies = await manager.find(Agency, { where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(agencies.map((a) => [a.id, a.name]));
  }

  async existingAgencyIds(ids: string[], manager: EntityManager): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await manager.find(Agency, { where: { id: In([...new Set(ids)]) }, select: { id: true } });
    return new Set(rows.map((a) => a.id));
  }

  async agencyIdsByCode(codes: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await manager.find(Agency, { where: { code: In([...new Set(codes)]) }, select: { id: true, code: true } });
    return new Map(rows.map((a) => [a.code, a.id]));
  }

  async maxVersion(code: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query('SELECT COALESCE(MAX(version_no), 0) AS max FROM procedures WHERE code = $1', [code]);
    return Number(row.max);
  }

  async hasDraft(code: string, manager: EntityManager): Promise<boolean> {
    return (await manager.count(Procedure, { where: { code, status: 'DRAFT' } })) > 0;
  }

  async distinctFields(): Promise<string[]> {
    const rows: Array<{ field: string }> = await this.dataSource.query(
      `SELECT DISTINCT field FROM procedures WHERE status = 'PUBLISHED' ORDER BY field`,
    );
    return rows.map((r) => r.field);
  }
}
