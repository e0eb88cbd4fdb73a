import { createApiClient, isProblem, type Problem } from '@motcua/api-client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notification } from 'antd';
import { i18n } from '../i18n/i18n';
import { createAuthMiddleware } from './auth/auth-middleware';
import { SessionStore } from './auth/session-store';

/** The signed-in session of this tab (in memory); refreshed through the generated client. */
export const sessionStore = new SessionStore(async () => {
  const { data } = await fetchClient.POST('/api/auth/refresh');
  return data;
});

/** The one API client of the admin; components use `$api` hooks, never fetch. */
export const { fetchClient, $api } = createApiClient({
  baseUrl: window.location.origin,
  middleware: [createAuthMiddleware(sessionStore)],
});

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
export function notifyError(error: unknown): void {
  const problem: Problem | undefined = isProblem(error) ? error : undefined;
  // A 401 that survived the token refresh means the session ended: the router goes to login instead.
  if (problem?.status === 401) return;
  notification.error({
    message: problem?.title ?? i18n.t('errors.generic'),
    description: [errorMessage(error), problem?.requestId ? i18n.t('errors.requestId', { id: problem.requestId }) : '']
      .filter(Boolean)
      .join('\n'),
  });
}

/** Client errors (4xx) answer the same on a second try; only network and server errors are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isProblem(error) && error.status < 500) return false;
  return failureCount < 1;
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
    defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false } },
  });
}
