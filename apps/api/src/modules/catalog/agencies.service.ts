import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ProblemException } from '../../common/problem/problem';
import { AgenciesRepository, AgencyFilters } from './agencies.repository';
import { Agency } from './entities/agency.entity';

export const agencyNotFound = () =>
  new ProblemException({ status: 404, code: 'AGENCY_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy cơ quan.' });

@Injectable()
export class AgenciesService {
  constructor(private readonly agencies: AgenciesRepository) {}

  list(principal: Principal, filters: AgencyFilters): Promise<Agency[]> {
    return this.agencies.findInScope(principal, filters);
  }

  /** Out-of-scope agencies answer 404 exactly like missing ones. */
  async get(principal: Principal, id: string): Promise<Agency> {
    const agency = await this.agencies.findByIdInScope(principal, id);
    if (!agency) throw agencyNotFound();
    return agency;
  }

  /** For other modules: the agency when the caller may act on it, else undefined. */
  findInScope(principal: Principal, id: string, manager?: EntityManager): Promise<Agency | undefined> {
    return this.agencies.findByIdInScope(principal, id, manager);
  }
}
