import type { Permission, Role } from '@motcua/domain';

/** Who is calling: a staff user (bearer token) or a machine client (X-Api-Key). */
export interface Principal {
  kind: 'user' | 'client';
  id: string;
  /** Username, or the client's name. */
  name: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  agencyId: string;
  /** The agency's materialized path: the caller acts within `path LIKE agencyPath || '%'`. */
  agencyPath: string;
}
