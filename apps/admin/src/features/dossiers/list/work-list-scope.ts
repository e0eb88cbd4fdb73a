import type { ListQuery } from './work-tabs';

/**
 * The work list narrowed as a report or the dashboard counted: an agency's subtree on one basis
 * (competent agency or receiving point), a procedure, a field. Carried in the address with the
 * reports' own parameter names, so a tile's number and the list it opens agree.
 */
export interface WorkListScope {
  agencyId?: string;
  /** Which of the dossier's agencies must be under `agencyId` (the reports' "by"). */
  by?: 'competent' | 'receiving';
  procedureCode?: string;
  field?: string;
}

const KEYS = ['agencyId', 'by', 'procedureCode', 'field'] as const;

export function scopeFromParams(params: URLSearchParams): WorkListScope {
  const by = params.get('by');
  return {
    agencyId: params.get('agencyId') || undefined,
    by: by === 'competent' || by === 'receiving' ? by : undefined,
    procedureCode: params.get('procedureCode') || undefined,
    field: params.get('field') || undefined,
  };
}

/** The API's filters for a scope (shared by the list and the tab counts). */
export function scopeQuery(scope: WorkListScope): Pick<ListQuery, 'agencyId' | 'agencyRole' | 'procedureCode' | 'field'> {
  return {
    agencyId: scope.agencyId,
    agencyRole: scope.agencyId ? scope.by : undefined,
    procedureCode: scope.procedureCode,
    field: scope.field,
  };
}

/** The address of a work-list tab narrowed to a scope. */
export function workListPath(tab: string, scope: WorkListScope = {}): string {
  const params = new URLSearchParams({ tab });
  for (const key of KEYS) {
    const value = scope[key];
    if (value && (key !== 'by' || scope.agencyId)) params.set(key, value);
  }
  return `/ho-so?${params.toString()}`;
}

/** The same address without the scope (the list's "show all" action). */
export function withoutScope(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of KEYS) next.delete(key);
  return next;
}
