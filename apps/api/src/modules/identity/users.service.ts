import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { ProblemException } from '../../common/problem/problem';
import { AuditService } from '../audit/audit.service';
import { staleVersion } from '../../common/problem/stale-version';
import { AgenciesService } from '../catalog/agencies.service';
import { ChangePasswordRequest, CreateUserRequest, ListUsersQuery, UpdateUserRequest, UserPage, UserResponse } from './dto/user.dto';
import { User } from './entities/user.entity';
import { agencyOutOfScope, invalidCredentials, passwordPolicy, userNotFound, usernameTaken } from './identity.errors';
import { hashPassword, passwordPolicyErrors, verifyPassword } from './passwords';
import { SessionsService } from './sessions.service';
import { UsersRepository, UserWithAgency } from './users.repository';

const DEFAULT_PAGE = 50;

function toResponse({ user, agencyName }: UserWithAgency): UserResponse {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    agencyId: user.agencyId,
    agencyName,
    roles: user.roles,
    active: user.active,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

/** What the audit trail keeps of a user: never the password hash. */
function auditView(user: User): Record<string, unknown> {
  return { username: user.username, fullName: user.fullName, agencyId: user.agencyId, roles: user.roles, active: user.active };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: ActorContext, query: ListUsersQuery): Promise<UserPage> {
    const { rows, nextCursor } = await this.users.findPageInScope(principalOf(actor), { ...query, limit: query.limit ?? DEFAULT_PAGE });
    return { items: rows.map(toResponse), nextCursor };
  }

  async get(actor: ActorContext, id: string): Promise<UserResponse> {
    const found = await this.users.findByIdInScope(principalOf(actor), id);
    if (!found) throw userNotFound();
    return toResponse(found);
  }

  async create(actor: ActorContext, body: CreateUserRequest): Promise<UserResponse> {
    const principal = principalOf(actor);
    const policy = passwordPolicyErrors(body.password, body.username);
    if (policy.length) throw passwordPolicy(policy);
    const passwordHash = await hashPassword(body.password);
    const id = await this.dataSource.transaction(async (tx) => {
      if (!(await this.agencies.findInScope(principal, body.agencyId, tx))) throw agencyOutOfScope();
      if (await this.users.usernameTaken(body.username, tx)) throw usernameTaken();
      const user = tx.create(User, {
        username: body.username.toLowerCase(),
        fullName: body.fullName,
        email: body.email ?? null,
        phone: body.phone ?? null,
        agencyId: body.agencyId,
        roles: body.roles,
        active: body.active ?? true,
        passwordHash,
        passwordChangedAt: new Date(),
      });
      await tx.save(user);
      await this.audit.record(actor, { action: 'user.created', targetType: 'user', targetId: user.id, after: auditView(user) }, tx);
      return user.id;
    });
    return this.get(actor, id);
  }

  async update(actor: ActorContext, id: string, body: UpdateUserRequest): Promise<UserResponse> {
    const principal = principalOf(actor);
    const passwordHash = body.password !== undefined ? await this.preparePassword(id, body.password) : undefined;
    await this.dataSource.transaction(async (tx) => {
      const found = await this.users.findByIdInScope(principal, id, tx);
      if (!found) throw userNotFound();
      const user = found.user;
      if (body.version !== undefined && body.version !== user.version) throw staleVersion(user.version);
      if (
        user.id === principal.id &&
        (body.active === false || (body.roles && user.roles.includes('ADMIN') && !body.roles.includes('ADMIN')))
      ) {
        throw new ProblemException({
          status: 409,
          code: 'CANNOT_LOCK_OUT_SELF',
          title: 'Conflict',
          detail: 'Không thể tự khóa tài khoản hoặc tự bỏ vai trò quản trị của chính mình; nhờ một quản trị viên khác.',
        });
      }
      const before = auditView(user);
      if (body.agencyId !== undefined && !(await this.agencies.findInScope(principal, body.agencyId, tx))) throw agencyOutOfScope();

      if (body.fullName !== undefined) user.fullName = body.fullName;
      if (body.email !== undefined) user.email = body.email ?? null;
      if (body.phone !== undefined) user.phone = body.phone ?? null;
      if (body.agencyId !== undefined) user.agencyId = body.agencyId;
      if (body.roles !== undefined) user.roles = body.roles;
      const deactivated = body.active === false && user.active;
      if (body.active !== undefined) user.active = body.active;
      if (passwordHash) {
        user.passwordHash = passwordHash;
        user.passwordChangedAt = new Date();
      }
      // Deactivation or a new password ends every session of the user at once.
      if (deactivated || passwordHash) await this.endSessions(tx, user);
      await tx.save(user);

      await this.audit.record(actor, { action: 'user.updated', targetType: 'user', targetId: id, before, after: auditView(user) }, tx);
      if (body.roles !== undefined && before['roles']?.toString() !== user.roles.toString()) {
        await this.audit.record(
          actor,
          {
            action: 'user.roles-changed',
            targetType: 'user',
            targetId: id,
            before: { roles: before['roles'] },
            after: { roles: user.roles },
          },
          tx,
        );
      }
      if (deactivated) await this.audit.record(actor, { action: 'user.deactivated', targetType: 'user', targetId: id }, tx);
      if (passwordHash) await this.audit.record(actor, { action: 'user.password-reset', targetType: 'user', targetId: id }, tx);
    });
    return this.get(actor, id);
  }

  async changeOwnPassword(actor: ActorContext, body: ChangePasswordRequest): Promise<void> {
    const principal = principalOf(actor);
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: principal.id });
    if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
      throw invalidCredentials();
    }
    const policy = passwordPolicyErrors(body.newPassword, user.username, 'newPassword');
    if (policy.length) throw passwordPolicy(policy);
    const passwordHash = await hashPassword(body.newPassword);
    await this.dataSource.transaction(async (tx) => {
      user.passwordHash = passwordHash;
      user.passwordChangedAt = new Date();
      await this.endSessions(tx, user);
      await tx.save(user);
      await this.audit.record(actor, { action: 'user.password-changed', targetType: 'user', targetId: user.id }, tx);
    });
  }

  private async preparePassword(id: string, password: string): Promise<string> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    const policy = passwordPolicyErrors(password, user?.username ?? '');
    if (policy.length) throw passwordPolicy(policy);
    return hashPassword(password);
  }

  private async endSessions(tx: EntityManager, user: User): Promise<void> {
    user.tokenVersion += 1;
    await this.sessions.revokeAllFor(user.id, tx);
  }
}
