import { $api } from '../../../app/api';
import { COUNT_LIMIT, NEW_SUBTABS, WORK_TABS, type ListQuery } from './work-tabs';

export interface TabCount {
  count: number;
  /** More than COUNT_LIMIT: shown as "200+". */
  more: boolean;
}

const COUNT_STALE_MS = 30_000;

function useCount(query: ListQuery): TabCount | undefined {
  const result = $api.useQuery(
    'get',
    '/api/dossiers',
    { params: { query: { ...query, limit: COUNT_LIMIT } } },
    { staleTime: COUNT_STALE_MS, meta: { silentErrors: true } },
  );
  return result.data ? { count: result.data.items.length, more: Boolean(result.data.nextCursor) } : undefined;
}

function sum(a: TabCount | undefined, b: TabCount | undefined): TabCount | undefined {
  if (!a || !b) return undefined;
  return { count: a.count + b.count, more: a.more || b.more };
}

/**
 * The workload of each tab (the filters aside): one page of up to 200 rows per tab. The hooks are
 * called in a fixed order, one per counted tab, so the rules of hooks hold.
 */
export function useTabCounts(): { tabs: Record<string, TabCount | undefined>; newSubtabs: Record<string, TabCount | undefined> } {
  const received = useCount(NEW_SUBTABS[0].query);
  const submitted = useCount(NEW_SUBTABS[1].query);
  const inProcess = useCount(WORK_TABS[1].query);
  const supplement = useCount(WORK_TABS[2].query);
  const dueSoon = useCount(WORK_TABS[3].query);
  const overdue = useCount(WORK_TABS[4].query);
  const resultReady = useCount(WORK_TABS[5].query);
  return {
    tabs: {
      moi: sum(received, submitted),
      'dang-xu-ly': inProcess,
      'cho-bo-sung': supplement,
      'sap-den-han': dueSoon,
      'qua-han': overdue,
      'cho-tra-ket-qua': resultReady,
    },
    newSubtabs: { RECEIVED: received, SUBMITTED: submitted },
  };
}

export function countText(count: TabCount | undefined): string | undefined {
  if (!count) return undefined;
  return count.more ? `${count.count}+` : String(count.count);
}
