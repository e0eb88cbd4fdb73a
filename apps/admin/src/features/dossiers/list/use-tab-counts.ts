import { $api } from '../../../app/api';
import { scopeQuery, type WorkListScope } from './work-list-scope';
import { NEW_SUBTABS, WORK_TABS, type CountBucket } from './work-tabs';

export interface TabCount {
  count: number;
  /** Beyond the API's cap: shown as "1000+". */
  more: boolean;
}

const COUNT_STALE_MS = 30_000;

/** The workload of each tab in the list's scope (the search and filters aside), from one capped count request. */
export function useTabCounts(scope: WorkListScope = {}): {
  tabs: Record<string, TabCount | undefined>;
  newSubtabs: Record<string, TabCount | undefined>;
} {
  const { data } = $api.useQuery(
    'get',
    '/api/dossiers/counts',
    { params: { query: scopeQuery(scope) } },
    { staleTime: COUNT_STALE_MS, meta: { silentErrors: true } },
  );
  const countOf = (buckets: readonly CountBucket[]): TabCount | undefined => {
    if (!data || !buckets.length) return undefined;
    const items = data.items.filter((item) => buckets.includes(item.bucket));
    return { count: items.reduce((total, item) => total + item.count, 0), more: items.some((item) => item.more) };
  };
  return {
    tabs: Object.fromEntries(WORK_TABS.map((tab) => [tab.key, countOf(tab.buckets)])),
    newSubtabs: Object.fromEntries(NEW_SUBTABS.map((sub) => [sub.key, countOf([sub.key])])),
  };
}

export function countText(count: TabCount | undefined): string | undefined {
  if (!count) return undefined;
  return count.more ? `${count.count}+` : String(count.count);
}
