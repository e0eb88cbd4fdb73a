import { permissionsOf, type ClientScope, type Permission, type Role } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../../common/auth/access.guard';
import { Authenticator } from '../../common/auth/authenticator';
import type { Principal } from '../../common/auth/principal';
import { keyMatches, parseApiKey } from './api-keys';
import { preparedQuery } from '../../database/prepared-query';

export interface AccessTokenClaims {
  sub: string;
  /** The user's token version when the token was issued. */
  ver: number;
  typ: 'access';
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Bearer tokens for staff, X-Api-Key for portals; both re-checked against the database each time. */
@Injectable()
export class IdentityAuthenticator extends Authenticator {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async authenticate(request: FastifyRequest): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (authorization) return this.fromBearer(authorization);
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) return this.fromApiKey(apiKey);
    return undefined;
  }

  private async fromBearer(header: string): Promise<Principal> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('Use "Authorization: Bearer <token>".');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated('The session has expired or the token is invalid. Sign in again.');
    }
    if (claims.typ !== 'access') throw unauthenticated('Not an access token.');
    // Every authenticated request reads its user (revocation, roles): planned once per connection.
    const [row] = await preparedQuery(
      this.dataSource,
      `SELECT u.id, u.username, u.full_name, u.roles, u.agency_id, u.active, u.token_version, a.path
         FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1`,
      [claims.sub],
    );
    if (!row || !row.active || row.token_version !== claims.ver) {
      throw unauthenticated('The session is no longer valid. Sign in again.');
    }
    const roles = row.roles as Role[];
    return {
      kind: 'user',
      id: row.id,
      name: row.username,
      displayName: row.full_name,
      roles,
      permissions: new Set(permissionsOf(roles)),
      agencyId: row.agency_id,
      agencyPath: row.path,
    };
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const parsed = parseApiKey(key);
    const invalid = () => unauthenticated('The API key is invalid or has been revoked.');
    if (!parsed) throw invalid();
    const [row] = await preparedQuery(
      this.dataSource,
      `SELECT c.id, c.name, c.scopes, c.agency_id, c.key_hash, c.last_used_at, a.path
         FROM api_clients c JOIN agencies a ON a.id = c.agency_id
        WHERE c.key_prefix = $1 AND c.revoked_at IS NULL`,
      [parsed.prefix],
    );
    if (!row || !keyMatches(key, row.key_hash)) throw invalid();
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
      void this.dataSource.query('UPDATE api_clients SET last_used_at = now() WHERE id = $1', [row.id]).catch(() => undefined);
    }
    const scopes = row.scopes as ClientScope[];
    return {
      kind: 'client',
      id: row.id,
      name: row.name,
      displayName: row.name,
      roles: [],
      permissions: new Set<Permission>(scopes as Permission[]),
      agencyId: row.agency_id,
      agencyPath: row.path,
    };
  }
}
