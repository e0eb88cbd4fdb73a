import type { Middleware } from 'openapi-fetch';
import type { SessionStore } from './session-store';

/** Calls whose 401 means "wrong credentials" or "no session", never "token expired". */
const NO_REFRESH_PATHS = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adds the bearer token to every call and, when a call answers 401 because the token expired,
 * refreshes the session once (shared by concurrent calls) and repeats the call with the new
 * token. When the session cannot be refreshed the store signs out and the router goes to login.
 */
export function createAuthMiddleware(session: SessionStore): Middleware {
  // A copy of each sent request, to repeat it: a body can be read only once.
  const copies = new WeakMap<Request, { copy: Request; token: string }>();

  return {
    onRequest({ request, schemaPath }) {
      const token = session.accessToken();
      if (!token || NO_REFRESH_PATHS.has(schemaPath)) return undefined;
      request.headers.set('Authorization', `Bearer ${token}`);
      copies.set(request, { copy: request.clone(), token });
      return request;
    },

    async onResponse({ request, response, options }) {
      const sent = copies.get(request);
      copies.delete(request);
      if (response.status !== 401 || !sent) return undefined;
      // Changing one's password with a wrong current password is a 401 too; that is the user's answer.
      if ((await problemCode(response)) === 'INVALID_CREDENTIALS') return undefined;

      // Another call may already have refreshed while this one was in flight.
      const current = session.accessToken();
      const token = current && current !== sent.token ? current : await session.refresh();
      if (!token) return undefined;
      const retry = sent.copy;
      retry.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(retry);
    },
  };
}
