import type { EntityManager } from 'typeorm';
import { isAgencyPathInScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import { validationProblem } from '../../common/problem/validation';
import { notFound, outOfScope } from './oversight.errors';

export interface ScopedAgency {
  id: string;
  code: string;
  name: string;
  path: string;
}

/**
 * The agency a request names, which must lie in the caller's subtree: unknown is a 400 on the body
 * field (or a 404 for a query parameter), outside the scope a 403.
 */
export async function agencyInScope(
  em: EntityManager,
  principal: Principal,
  agencyId: string,
  where: { field: string; in: 'body' | 'query' },
): Promise<ScopedAgency> {
  const [agency]: ScopedAgency[] = await em.query('SELECT id, code, name, path FROM agencies WHERE id = $1', [agencyId]);
  if (!agency) {
    if (where.in === 'query') throw notFound('Không có cơ quan này.');
    throw validationProblem([{ field: where.field, rule: 'exists', message: 'Không có cơ quan với mã này' }]);
  }
  if (!isAgencyPathInScope(principal, agency.path)) throw outOfScope();
  return agency;
}

/** The caller's own agency, when a request names none. */
export async function ownAgency(em: EntityManager, principal: Principal): Promise<ScopedAgency> {
  const [agency]: ScopedAgency[] = await em.query('SELECT id, code, name, path FROM agencies WHERE id = $1', [principal.agencyId]);
  return agency;
}

/** Today's local (UTC+7) date, `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A local date shifted by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both inclusive. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A share in %, one decimal (as the satisfaction report rounds); null when there is nothing to count. */
export const percent = (part: number, whole: number): number | null => (whole ? Math.round((1000 * part) / whole) / 10 : null);
