import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@motcua/domain';
import { Problem } from '../problem/problem';

export const ACCESS_METADATA = 'motcua:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

/** The route needs no credentials (health, login, public lookup). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in staff user or machine client (e.g. "who am I"). */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: Problem }),
  );

/**
 * The caller must hold `permission` — through a role (staff) or a scope (machine clients; only
 * the client scopes `dossiers:create`, `dossiers:read`, `webhooks:manage` can ever match).
 * Every route must carry one of these three decorators; a test walks the routes to prove it.
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessRule),
    ApiBearerAuth(),
    ApiSecurity('apiKey'),
    ApiUnauthorizedResponse({ type: Problem }),
    ApiForbiddenResponse({ type: Problem, description: `Requires the permission ${permission}` }),
  );
