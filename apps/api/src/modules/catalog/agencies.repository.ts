import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike, whereInAgencyScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import { foldVietnamese } from '@motcua/domain';
import { Agency, AgencyLevel } from './entities/agency.entity';

export interface AgencyFilters {
  level?: AgencyLevel;
  parentId?: string;
  q?: string;
  receptionPoint?: boolean;
}

@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findInScope(principal: Principal, filters: AgencyFilters = {}): Promise<Agency[]> {
    const query = whereInAgencyScope(this.dataSource.manager.createQueryBuilder(Agency, 'a'), principal, 'a.id');
    if (filters.level) query.andWhere('a.level = :level', { level: filters.level });
    if (filters.parentId) query.andWhere('a.parent_id = :parentId', { parentId: filters.parentId });
    if (filters.receptionPoint !== undefined) query.andWhere('a.is_reception_point = :rp', { rp: filters.receptionPoint });
    const agencies = await query.orderBy('a.path', 'ASC').getMany();
    // The tree of a province is a few hundred rows: fold diacritics here rather than in SQL.
    if (!filters.q) return agencies;
    const q = foldVietnamese(filters.q);
    return agencies.filter((a) => foldVietnamese(`${a.name} ${a.shortName ?? ''} ${a.code}`).includes(q));
  }

  async findByIdInScope(
    principal: Principal,
    id: string,
    manager?: EntityManager,
    options: { lock?: boolean } = {},
  ): Promise<Agency | undefined> {
    const query = (manager ?? this.dataSource.manager).createQueryBuilder(Agency, 'a').where('a.id = :id', { id });
    if (options.lock) query.setLock('pessimistic_write');
    return (await whereInAgencyScope(query, principal, 'a.id').getOne()) ?? undefined;
  }

  async codeTaken(code: string, manager: EntityManager): Promise<boolean> {
    return (await manager.count(Agency, { where: { code } })) > 0;
  }

  async newId(manager: EntityManager): Promise<string> {
    return (await manager.query('SELECT gen_random_uuid() AS id'))[0].id;
  }

  /** Re-roots a moved subtree: every descendant's path swaps the old prefix for the new one. */
  async movePaths(manager: EntityManager, oldPrefix: string, newPrefix: string): Promise<void> {
    await manager.query(`UPDATE agencies SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $3`, [
      oldPrefix,
      newPrefix,
      `${escapeLike(oldPrefix)}%`,
    ]);
  }
}
