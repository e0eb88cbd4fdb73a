import { createApiClient, isProblem, type Problem } from '@motcua/api-client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notification } from 'antd';
import { i18n } from '../i18n/i18n';

/** The one API client of the admin; components use `$api` hooks, never fetch. */
export const { fetchClient, $api } = createApiClient({ baseUrl: window.location.origin });

/** Turns anything an API call failed with into one readable sentence for the user. */
export function errorMessage(error: unknown): string {
  if (isProblem(error)) {
    const fields = (error.errors ?? []).map((e) => e.message).join('; ');
    return fields ? `${error.detail} — ${fields}` : error.detail;
  }
  if (error instanceof TypeError) return i18n.t('errors.network');
  return i18n.t('errors.generic');
}

/** Central error policy: every failed query or mutation without its own handler shows a notification. */
function notifyError(error: unknown): void {
  const problem: Problem | undefined = isProblem(error) ? error : undefined;
  notification.error({
    message: problem?.title ?? i18n.t('errors.generic'),
    description: [errorMessage(error), problem?.requestId ? i18n.t('errors.requestId', { id: problem.requestId }) : '']
      .filter(Boolean)
      .join('\n'),
  });
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.meta?.['silentErrors']) return;
        notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.options.onError) return; // the mutation's own hook shows its message
        notifyError(error);
      },
    }),
    defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
  });
}
