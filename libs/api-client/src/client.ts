import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import type { components, paths } from './generated/schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

export interface ApiClientOptions {
  /** Empty for the same-origin admin; a full origin for scripts and tests. */
  baseUrl?: string;
  middleware?: Middleware[];
}

/** The typed fetch client and TanStack Query hooks generated from the committed contract. */
export function createApiClient(options: ApiClientOptions = {}) {
  const fetchClient = createFetchClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    // Look fetch up at call time so tests can stub it (openapi-fetch captures it at creation).
    fetch: (request) => globalThis.fetch(request),
  });
  for (const middleware of options.middleware ?? []) fetchClient.use(middleware);
  return { fetchClient, $api: createQueryHooks(fetchClient) };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** True when a thrown or returned error body is an RFC 9457 problem from this API. */
export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'title' in value;
}
