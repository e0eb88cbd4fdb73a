import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import type { Principal } from '../../common/auth/principal';
import { ProblemException } from '../../common/problem/problem';
import { staleVersion } from '../../common/problem/stale-version';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { AgenciesRepository, AgencyFilters } from './agencies.repository';
import { AgencyResponse, AgencyTreeNode, CreateAgencyRequest, UpdateAgencyRequest } from './dto/agency.dto';
import { Agency, AgencyLevel } from './entities/agency.entity';

export const agencyNotFound = () =>
  new ProblemException({ status: 404, code: 'AGENCY_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy cơ quan.' });

/** A parent must sit at a higher level: province > department/district > commune. */
const LEVEL_RANK: Record<AgencyLevel, number> = { PROVINCE: 0, DEPARTMENT: 1, DISTRICT: 1, COMMUNE: 2 };

function auditView(agency: Agency): Record<string, unknown> {
  const { code, name, shortName, level, parentId, isReceptionPoint, address, phone, validFrom, validTo, successorId } = agency;
  return { code, name, shortName, level, parentId, isReceptionPoint, address, phone, validFrom, validTo, successorId };
}

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditService,
  ) {}

  list(principal: Principal, filters: AgencyFilters): Promise<Agency[]> {
    return this.agencies.findInScope(principal, filters);
  }

  /** The caller's subtree as nested nodes (roots are the agencies whose parent is out of scope). */
  async tree(principal: Principal): Promise<AgencyTreeNode[]> {
    const nodes = new Map<string, AgencyTreeNode>();
    const all = await this.agencies.findInScope(principal);
    for (const agency of all) nodes.set(agency.id, { ...AgencyResponse.of(agency), children: [] });
    const roots: AgencyTreeNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
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

  async create(actor: ActorContext, body: CreateAgencyRequest): Promise<Agency> {
    const principal = principalOf(actor);
    this.checkDates(body.validFrom, body.validTo);
    return this.dataSource.transaction(async (tx) => {
      const parent = await this.agencies.findByIdInScope(principal, body.parentId, tx);
      if (!parent)
        throw validationProblem([
          { field: 'parentId', rule: 'agencyInScope', message: 'Cơ quan cấp trên không tồn tại hoặc ngoài phạm vi quản lý' },
        ]);
      this.checkLevel(parent, body.level);
      if (await this.agencies.codeTaken(body.code, tx)) throw codeTaken();
      const id = await this.agencies.newId(tx);
      const agency = tx.create(Agency, {
        id,
        code: body.code,
        name: body.name,
        shortName: body.shortName ?? null,
        level: body.level,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        isReceptionPoint: body.isReceptionPoint ?? false,
        address: body.address ?? null,
        phone: body.phone ?? null,
        validFrom: body.validFrom ?? null,
        validTo: body.validTo ?? null,
      });
      await tx.save(agency);
      await this.audit.record(actor, { action: 'agency.created', targetType: 'agency', targetId: id, after: auditView(agency) }, tx);
      return agency;
    });
  }

  async update(actor: ActorContext, id: string, body: UpdateAgencyRequest): Promise<Agency> {
    const principal = principalOf(actor);
    return this.dataSource.transaction(async (tx) => {
      const agency = await this.agencies.findByIdInScope(principal, id, tx, { lock: true });
      if (!agency) throw agencyNotFound();
      if (body.version !== undefined && body.version !== agency.version) throw staleVersion(agency.version);
      const before = auditView(agency);

      const level = body.level ?? agency.level;
      let parent: Agency | undefined;
      if (body.parentId !== undefined && body.parentId !== agency.parentId) {
        parent = await this.agencies.findByIdInScope(principal, body.parentId, tx);
        if (!parent)
          throw validationProblem([
            { field: 'parentId', rule: 'agencyInScope', message: 'Cơ quan cấp trên không tồn tại hoặc ngoài phạm vi quản lý' },
          ]);
        if (parent.path.startsWith(agency.path)) {
          throw new ProblemException({
            status: 409,
            code: 'AGENCY_CYCLE',
            title: 'Conflict',
            detail: 'Không thể chuyển một cơ quan vào dưới chính nó hoặc cơ quan trực thuộc nó.',
            errors: [{ field: 'parentId', rule: 'noCycle', message: 'Tạo vòng lặp trong cây cơ quan' }],
          });
        }
      } else if (agency.parentId) {
        parent = (await tx.findOneBy(Agency, { id: agency.parentId })) ?? undefined;
      }
      if (parent && (body.level !== undefined || body.parentId !== undefined)) this.checkLevel(parent, level);
      if (body.level !== undefined) await this.checkChildrenBelow(tx, agency, level);
      if (body.successorId) {
        if (body.successorId === agency.id || !(await tx.findOneBy(Agency, { id: body.successorId }))) {
          throw validationProblem([{ field: 'successorId', rule: 'agencyExists', message: 'Cơ quan kế thừa không hợp lệ' }]);
        }
      }
      this.checkDates(
        body.validFrom === undefined ? agency.validFrom : body.validFrom,
        body.validTo === undefined ? agency.validTo : body.validTo,
      );

      if (body.name !== undefined) agency.name = body.name;
      if (body.shortName !== undefined) agency.shortName = body.shortName;
      agency.level = level;
      if (body.isReceptionPoint !== undefined) agency.isReceptionPoint = body.isReceptionPoint;
      if (body.address !== undefined) agency.address = body.address;
      if (body.phone !== undefined) agency.phone = body.phone;
      if (body.validFrom !== undefined) agency.validFrom = body.validFrom;
      if (body.validTo !== undefined) agency.validTo = body.validTo;
      if (body.successorId !== undefined) agency.successorId = body.successorId;
      if (parent && body.parentId !== undefined && body.parentId !== agency.parentId) {
        const oldPath = agency.path;
        agency.parentId = parent.id;
        agency.path = `${parent.path}${agency.id}/`;
        await this.agencies.movePaths(tx, oldPath, agency.path);
      }
      await tx.save(agency);
      await this.audit.record(
        actor,
        { action: 'agency.updated', targetType: 'agency', targetId: id, before, after: auditView(agency) },
        tx,
      );
      return agency;
    });
  }

  private checkLevel(parent: Agency, level: AgencyLevel): void {
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[level]) {
      throw validationProblem([
        { field: 'level', rule: 'belowParent', message: `Cấp ${level} không thể trực thuộc cơ quan cấp ${parent.level}` },
      ]);
    }
  }

  private async checkChildrenBelow(tx: EntityManager, agency: Agency, level: AgencyLevel): Promise<void> {
    const children = await tx.findBy(Agency, { parentId: agency.id });
    if (children.some((child) => LEVEL_RANK[child.level] <= LEVEL_RANK[level])) {
      throw validationProblem([{ field: 'level', rule: 'aboveChildren', message: 'Cấp mới không cao hơn các cơ quan trực thuộc' }]);
    }
  }

  private checkDates(from: string | null | undefined, to: string | null | undefined): void {
    if (from && to && from > to) {
      throw validationProblem([{ field: 'validTo', rule: 'afterValidFrom', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực' }]);
    }
  }
}

const codeTaken = () =>
  new ProblemException({
    status: 409,
    code: 'AGENCY_CODE_TAKEN',
    title: 'Conflict',
    detail: 'Mã định danh đã được dùng cho cơ quan khác.',
    errors: [{ field: 'code', rule: 'unique', message: 'Mã định danh đã tồn tại' }],
  });
