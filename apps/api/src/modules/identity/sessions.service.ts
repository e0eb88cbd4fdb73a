import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { sha256Hex } from './api-keys';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';
import type { AccessTokenClaims } from './identity-authenticator';

export const REFRESH_TOKEN_TTL_MS = 12 * 60 * 60 * 1000; // one working day and a half
/** Two tabs refreshing at the same moment present the same cookie: the second is not a theft. */
export const ROTATION_GRACE_MS = 10_000;

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Short-lived access tokens (JWT) and rotating refresh tokens stored as hashes. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(user: User, manager: EntityManager = this.dataSource.manager): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_MS);
    await manager.insert(RefreshToken, { userId: user.id, tokenHash: sha256Hex(refreshToken), expiresAt: refreshExpiresAt });
    return { accessToken: await this.accessToken(user), expiresIn: this.config.accessTokenTtlSeconds, refreshToken, refreshExpiresAt };
  }

  accessToken(user: User): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, ver: user.tokenVersion, typ: 'access' };
    return this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
  }

  /**
   * Exchanges a refresh token for a new session (rotation). Presenting a token that was already
   * rotated away means it leaked: every session of that user ends.
   */
  async rotate(refreshToken: string): Promise<{ user: User; session: IssuedSession } | undefined> {
    return this.dataSource.transaction(async (tx) => {
      const stored = await tx
        .createQueryBuilder(RefreshToken, 't')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: sha256Hex(refreshToken) })
        .getOne();
      if (!stored) return undefined;
      const justRotated = stored.rotatedAt && Date.now() - stored.rotatedAt.getTime() < ROTATION_GRACE_MS;
      if (stored.revokedAt && !justRotated) {
        await this.revokeAllFor(stored.userId, tx);
        return undefined;
      }
      if (stored.expiresAt.getTime() < Date.now()) return undefined;
      const user = await tx.findOneBy(User, { id: stored.userId });
      if (!user || !user.active) return undefined;
      if (!stored.revokedAt) await tx.update(RefreshToken, { id: stored.id }, { revokedAt: new Date(), rotatedAt: new Date() });
      return { user, session: await this.issue(user, tx) };
    });
  }

  async revoke(refreshToken: string): Promise<string | undefined> {
    const stored = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: sha256Hex(refreshToken) });
    if (!stored) return undefined;
    await this.dataSource.getRepository(RefreshToken).update({ id: stored.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return stored.userId;
  }

  async revokeAllFor(userId: string, manager: EntityManager): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
