import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike, whereInAgencyScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { Agency } from '../catalog/entities/agency.entity';
import { User } from './entities/user.entity';
import type { Role } from '@motcua/domain';

export interface UserWithAgency {
  user: User;
  agencyName: string;
}

export interface UserFilters {
  q?: string;
  agencyId?: string;
  role?: Role;
  active?: boolean;
  cursor?: string;
  limit: number;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private scopedQuery(principal: Principal, manager: EntityManager = this.dataSource.manager) {
    const query = manager.createQueryBuilder(User, 'u').innerJoin(Agency, 'a', 'a.id = u.agency_id').addSelect('a.name', 'agency_name');
    return whereInAgencyScope(query, principal, 'u.agency_id');
  }

  /** Users in the caller's scope, ordered by username, keyset-paginated. */
  async findPageInScope(principal: Principal, filters: UserFilters): Promise<{ rows: UserWithAgency[]; nextCursor: string | null }> {
    const query = this.scopedQuery(principal);
    if (filters.q) {
      query.andWhere('(u.username ILIKE :q OR u.full_name ILIKE :q OR u.email ILIKE :q OR u.phone ILIKE :q)', {
        q: `%${escapeLike(filters.q)}%`,
      });
    }
    if (filters.agencyId) {
      query.andWhere("a.path LIKE (SELECT f.path FROM agencies f WHERE f.id = :agencyId) || '%'", { agencyId: filters.agencyId });
    }
    if (filters.role) query.andWhere(':role = ANY(u.roles)', { role: filters.role });
    if (filters.active !== undefined) query.andWhere('u.active = :active', { active: filters.active });
    if (filters.cursor) {
      const [after] = decodeCursor(filters.cursor, 1);
      query.andWhere('u.username > :after', { after });
    }
    const { entities, raw } = await query
      .orderBy('u.username', 'ASC')
      .limit(filters.limit + 1)
      .getRawAndEntities();
    const rows = entities.slice(0, filters.limit).map((user, i) => ({ user, agencyName: raw[i].agency_name as string }));
    const nextCursor = entities.length > filters.limit ? encodeCursor([rows[rows.length - 1].user.username]) : null;
    return { rows, nextCursor };
  }

  async findByIdInScope(principal: Principal, id: string, manager?: EntityManager): Promise<UserWithAgency | undefined> {
    const { entities, raw } = await this.scopedQuery(principal, manager).andWhere('u.id = :id', { id }).getRawAndEntities();
    return entities[0] ? { user: entities[0], agencyName: raw[0].agency_name } : undefined;
  }

  findByUsername(username: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { username: username.toLowerCase() } });
  }

  async usernameTaken(username: string, manager: EntityManager): Promise<boolean> {
    return (await manager.count(User, { where: { username: username.toLowerCase() } })) > 0;
  }
}
