import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from './principal';

/**
 * The one scope rule: a caller acts within their agency's subtree. Applied in SQL, never by
 * filtering results in memory. `agencyIdColumns` are the columns whose agency puts a row in scope
 * (a dossier: the receiving agency or any agency it is routed to — any one of them is enough).
 */
let scopeParamCounter = 0;

export function whereInAgencyScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Pick<Principal, 'agencyPath'>,
  ...agencyIdColumns: string[]
): SelectQueryBuilder<T> {
  const scopeParam = `scopePath${++scopeParamCounter}`;
  const conditions = agencyIdColumns.map(
    (column) => `${column} IN (SELECT scope_agency.id FROM agencies scope_agency WHERE scope_agency.path LIKE :${scopeParam})`,
  );
  return query.andWhere(`(${conditions.join(' OR ')})`, { [scopeParam]: `${escapeLike(principal.agencyPath)}%` });
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Same rule for a single agency id already at hand (e.g. an agency chosen in a request body). */
export function isAgencyPathInScope(principal: Pick<Principal, 'agencyPath'>, agencyPath: string): boolean {
  return agencyPath.startsWith(principal.agencyPath);
}
