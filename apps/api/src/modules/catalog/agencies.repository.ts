import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike, whereInAgencyScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
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

  findInScope(principal: Principal, filters: AgencyFilters = {}): Promise<Agency[]> {
    const query = whereInAgencyScope(this.dataSource.manager.createQueryBuilder(Agency, 'a'), principal, 'a.id');
    if (filters.level) query.andWhere('a.level = :level', { level: filters.level });
    if (filters.parentId) query.andWhere('a.parent_id = :parentId', { parentId: filters.parentId });
    if (filters.receptionPoint !== undefined) query.andWhere('a.is_reception_point = :rp', { rp: filters.receptionPoint });
    if (filters.q) {
      query.andWhere('(a.name ILIKE :q OR a.short_name ILIKE :q OR a.code ILIKE :q)', { q: `%${escapeLike(filters.q)}%` });
    }
    return query.orderBy('a.path', 'ASC').getMany();
  }

  async findByIdInScope(principal: Principal, id: string, manager?: EntityManager): Promise<Agency | undefined> {
    const query = (manager ?? this.dataSource.manager).createQueryBuilder(Agency, 'a').where('a.id = :id', { id });
    return (await whereInAgencyScope(query, principal, 'a.id').getOne()) ?? undefined;
  }
}
