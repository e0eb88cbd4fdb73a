import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { permissionsOf } from '@motcua/domain';
import { DataSource } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { Agency } from '../catalog/entities/agency.entity';
import { LoginRequest, MeResponse, SessionUser } from './dto/auth.dto';
import { LoginAttempt } from './entities/login-attempt.entity';
import { User } from './entities/user.entity';
import { invalidCredentials } from './identity.errors';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { IssuedSession, SessionsService } from './sessions.service';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export class LockedOut extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('locked out');
  }
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Throws LockedOut (→ 429) after 5 failures in 15 minutes, and one generic 401 for any bad pair. */
  async login(actor: ActorContext, body: LoginRequest): Promise<{ session: IssuedSession; user: SessionUser }> {
    const username = body.username.trim().toLowerCase();
    const retryAfter = await this.lockoutSeconds(username);
    if (retryAfter > 0) {
      await this.audit.record(actor, { action: 'auth.login-locked', targetType: 'user', targetId: username });
      throw new LockedOut(retryAfter);
    }

    const user = await this.dataSource.getRepository(User).findOneBy({ username });
    // Verify against a dummy hash for unknown users so both failures take the same time.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
    const success = Boolean(user && user.active && passwordOk);
    await this.dataSource.getRepository(LoginAttempt).insert({ username, success, ip: actor.ip });
    if (!success || !user) {
      await this.audit.record(actor, { action: 'auth.login-failed', targetType: 'user', targetId: username });
      throw invalidCredentials();
    }

    const session = await this.dataSource.transaction(async (tx) => {
      await tx.update(User, { id: user.id }, { lastLoginAt: new Date() });
      const issued = await this.sessions.issue(user, tx);
      const principal = { kind: 'user' as const, id: user.id, name: user.username, displayName: user.fullName, roles: user.roles, agencyId: user.agencyId };
      await this.audit.record(
        { ...actor, principal: { ...principal, permissions: new Set(), agencyPath: '' } },
        { action: 'auth.login-succeeded', targetType: 'user', targetId: user.id },
        tx,
      );
      return issued;
    });
    return { session, user: await this.sessionUser(user) };
  }

  async refresh(refreshToken: string): Promise<{ session: IssuedSession; user: SessionUser } | undefined> {
    const rotated = await this.sessions.rotate(refreshToken);
    return rotated && { session: rotated.session, user: await this.sessionUser(rotated.user) };
  }

  async logout(actor: ActorContext, refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const userId = await this.sessions.revoke(refreshToken);
    if (userId) await this.audit.record(actor, { action: 'auth.logout', targetType: 'user', targetId: userId });
  }

  async me(actor: ActorContext): Promise<MeResponse> {
    const principal = principalOf(actor);
    const agency = await this.dataSource.getRepository(Agency).findOneByOrFail({ id: principal.agencyId });
    const fullName =
      principal.kind === 'user' ? (await this.dataSource.getRepository(User).findOneByOrFail({ id: principal.id })).fullName : null;
    return {
      kind: principal.kind,
      id: principal.id,
      name: principal.name,
      fullName,
      agencyId: principal.agencyId,
      agencyName: agency.name,
      roles: principal.roles,
      permissions: [...principal.permissions],
    };
  }

  private async lockoutSeconds(username: string): Promise<number> {
    const rows: Array<{ at: Date }> = await this.dataSource.query(
      `SELECT at FROM login_attempts
        WHERE username = $1 AND success = false AND at > now() - make_interval(secs => $2)
          AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE username = $1 AND success), '-infinity')
        ORDER BY at DESC LIMIT $3`,
      [username, LOCKOUT_WINDOW_MS / 1000, LOCKOUT_FAILURES],
    );
    if (rows.length < LOCKOUT_FAILURES) return 0;
    const oldest = new Date(rows[rows.length - 1].at).getTime();
    return Math.max(1, Math.ceil((oldest + LOCKOUT_WINDOW_MS - Date.now()) / 1000));
  }

  private async sessionUser(user: User): Promise<SessionUser> {
    const agency = await this.dataSource.getRepository(Agency).findOneByOrFail({ id: user.agencyId });
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      agencyId: user.agencyId,
      agencyName: agency.name,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
    };
  }
}
