import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchClient } from '../../app/api';
import type { ProcedureLevel } from '../procedures/labels';

export const PUBLIC_PAGE_SIZE = 20;

export interface PublicFilters {
  q?: string;
  field?: string;
  level?: ProcedureLevel;
  online?: boolean;
}

/** The published catalog, page after page ("Xem thêm"), keyed like every contract query. */
export function usePublicProcedures(filters: PublicFilters) {
  const query = { ...filters, limit: PUBLIC_PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: ['get', '/api/public/procedures', { params: { query } }],
    queryFn: async ({ pageParam, signal }) => {
      const { data, error } = await fetchClient.GET('/api/public/procedures', {
        params: { query: { ...query, cursor: pageParam } },
        signal,
      });
      if (error) throw error;
      return data;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The results stay on screen while the next search answers: no flicker at each keystroke.
    placeholderData: keepPreviousData,
  });
}
