import type { Permission, Role } from '@motcua/domain';
import { permissionsOf } from '@motcua/domain';
import type { LoginResponse } from '../app/auth/session-store';

/** One answer of the fake API: a status and a JSON body (problem+json for errors). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
}

export type FakeRoute = FakeAnswer | ((request: Request, body: unknown) => FakeAnswer | Promise<FakeAnswer>);

export interface FakeCall {
  method: string;
  path: string;
  search: URLSearchParams;
  authorization: string | null;
  body: unknown;
}

/**
 * A stand-in for `globalThis.fetch` answering by "METHOD /path" (path templates like
 * `/api/users/{id}` match one segment). Unrouted calls answer 404 so a test sees what it forgot.
 */
export function createFakeApi(routes: Record<string, FakeRoute>) {
  const calls: FakeCall[] = [];
  const patterns = Object.entries(routes).map(([key, route]) => {
    const [method, template] = key.split(' ');
    const regex = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    return { method, regex, route };
  });

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.body ? await request.text() : '';
    const body: unknown = text ? parseBody(text) : undefined;
    calls.push({ method: request.method, path: url.pathname, search: url.searchParams, authorization: request.headers.get('authorization'), body });
    const match = patterns.find((p) => p.method === request.method && p.regex.test(url.pathname));
    const answer = match ? (typeof match.route === 'function' ? await match.route(request, body) : match.route) : problem(404, 'NOT_ROUTED', `${request.method} ${url.pathname}`);
    if (answer.status === 204 || answer.body === undefined) return new Response(null, { status: answer.status });
    const isError = answer.status >= 400;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': isError ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fetch, calls };
}

/** JSON bodies parsed; anything else (a multipart upload) kept as its text. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function problem(
  status: number,
  code: string,
  detail: string,
  errors: Array<{ field: string; rule: string; message: string }> = [],
  extensions: Record<string, unknown> = {},
): FakeAnswer {
  return { status, body: { type: 'about:blank', title: code, status, detail, code, errors, requestId: 'req-test', ...extensions } };
}

/** What login and refresh answer for a user with these roles (permissions as the API computes them). */
export function sessionOf(
  roles: Role[],
  overrides: { permissions?: Permission[]; username?: string; fullName?: string; agencyId?: string; agencyName?: string } = {},
): LoginResponse {
  return {
    accessToken: `token-${roles.join('-')}`,
    expiresIn: 900,
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      username: overrides.username ?? 'quantri.ttpvhcc',
      fullName: overrides.fullName ?? 'Quản trị TTPVHCC tỉnh',
      agencyId: overrides.agencyId ?? '00000000-0000-4000-8000-0000000000a1',
      agencyName: overrides.agencyName ?? 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
      roles,
      permissions: overrides.permissions ?? permissionsOf(roles),
    },
  };
}

export const HEALTHY: FakeAnswer = { status: 200, body: { status: 'ok', db: 'up' } };
