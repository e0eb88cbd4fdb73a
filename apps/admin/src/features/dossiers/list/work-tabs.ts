import type { paths } from '@motcua/api-client';

export type ListQuery = NonNullable<paths['/api/dossiers']['get']['parameters']['query']>;

export interface WorkTab {
  key: string;
  labelKey: string;
  /** What the tab asks the API for; the "new" tab asks twice (see NEW_SUBTABS). */
  query: ListQuery;
  /** Badge colour of the count. */
  color?: string;
  /** Whether the tab shows a count (every dossier in scope is not a count worth reading). */
  counted: boolean;
}

/**
 * "Mới" covers two statuses and the API filters by one: dossiers received at the counter waiting to
 * be forwarded, and online submissions waiting for intake. Each has its own keyset paging.
 */
export const NEW_SUBTABS = [
  { key: 'RECEIVED', labelKey: 'dossiers.tabs.newReceived', query: { status: 'RECEIVED' } },
  { key: 'SUBMITTED', labelKey: 'dossiers.tabs.newSubmitted', query: { status: 'SUBMITTED' } },
] as const satisfies ReadonlyArray<{ key: string; labelKey: string; query: ListQuery }>;
export type NewSubtab = (typeof NEW_SUBTABS)[number]['key'];

export const WORK_TABS: readonly WorkTab[] = [
  { key: 'moi', labelKey: 'dossiers.tabs.new', query: {}, counted: true },
  { key: 'dang-xu-ly', labelKey: 'dossiers.tabs.inProcess', query: { status: 'IN_PROCESS' }, counted: true },
  { key: 'cho-bo-sung', labelKey: 'dossiers.tabs.supplement', query: { status: 'SUPPLEMENT_REQUESTED' }, color: 'orange', counted: true },
  { key: 'sap-den-han', labelKey: 'dossiers.tabs.dueSoon', query: { timeliness: 'DUE_SOON' }, color: 'gold', counted: true },
  { key: 'qua-han', labelKey: 'dossiers.tabs.overdue', query: { timeliness: 'OVERDUE' }, color: 'red', counted: true },
  { key: 'cho-tra-ket-qua', labelKey: 'dossiers.tabs.resultReady', query: { status: 'RESULT_READY' }, color: 'green', counted: true },
  { key: 'tat-ca', labelKey: 'dossiers.tabs.all', query: {}, counted: false },
];

/** Counts read at most this many rows: "200+" beyond, never a COUNT(*) over the whole table. */
export const COUNT_LIMIT = 200;
