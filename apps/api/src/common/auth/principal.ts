import type { Permission, Role } from '@motcua/domain';

/** Who is calling: a staff user (bearer token) or a machine client (X-Api-Key). */
export interface Principal {
  kind: 'user' | 'client';
  id: string;
  /** Username, or the client's name. */
  name: string;
  /** Full name of a user (the client's name for a client): what official documents show. */
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  agencyId: string;
  /** The agency's materialized path: the caller acts within `path LIKE agencyPath || '%'`. */
  agencyPath: string;
}
