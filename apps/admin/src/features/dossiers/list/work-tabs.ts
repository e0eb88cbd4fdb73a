import type { paths } from '@motcua/api-client';

export type ListQuery = NonNullable<paths['/api/dossiers']['get']['parameters']['query']>;

/** The count buckets of GET /api/dossiers/counts. */
export type CountBucket =
  paths['/api/dossiers/counts']['get']['responses']['200']['content']['application/json']['items'][number]['bucket'];

export interface WorkTab {
  key: string;
  labelKey: string;
  /** The count buckets that add up to this tab's badge (none: not counted). */
  buckets: readonly CountBucket[];
  /** What the tab asks the API for; the "new" tab asks twice (see NEW_SUBTABS). */
  query: ListQuery;
  /** Badge colour of the count. */
  color?: string;
}

/**
 * "Mới" covers two kinds of work: dossiers received at the counter waiting to be forwarded, and
 * online submissions waiting for the intake check; officers switch between them.
 */
export const NEW_SUBTABS = [
  { key: 'RECEIVED', labelKey: 'dossiers.tabs.newReceived', query: { status: ['RECEIVED'] } },
  { key: 'SUBMITTED', labelKey: 'dossiers.tabs.newSubmitted', query: { status: ['SUBMITTED'] } },
] as const satisfies ReadonlyArray<{ key: string; labelKey: string; query: ListQuery }>;
export type NewSubtab = (typeof NEW_SUBTABS)[number]['key'];

export const WORK_TABS: readonly WorkTab[] = [
  { key: 'moi', labelKey: 'dossiers.tabs.new', query: {}, buckets: ['RECEIVED', 'SUBMITTED'] },
  { key: 'dang-xu-ly', labelKey: 'dossiers.tabs.inProcess', query: { status: ['IN_PROCESS'] }, buckets: ['IN_PROCESS'] },
  {
    key: 'cho-bo-sung',
    labelKey: 'dossiers.tabs.supplement',
    query: { status: ['SUPPLEMENT_REQUESTED'] },
    color: 'orange',
    buckets: ['SUPPLEMENT_REQUESTED'],
  },
  { key: 'sap-den-han', labelKey: 'dossiers.tabs.dueSoon', query: { timeliness: 'DUE_SOON' }, color: 'gold', buckets: ['DUE_SOON'] },
  { key: 'qua-han', labelKey: 'dossiers.tabs.overdue', query: { timeliness: 'OVERDUE' }, color: 'red', buckets: ['OVERDUE'] },
  {
    key: 'cho-tra-ket-qua',
    labelKey: 'dossiers.tabs.resultReady',
    query: { status: ['RESULT_READY'] },
    color: 'green',
    buckets: ['RESULT_READY'],
  },
  { key: 'tat-ca', labelKey: 'dossiers.tabs.all', query: {}, buckets: [] },
];
