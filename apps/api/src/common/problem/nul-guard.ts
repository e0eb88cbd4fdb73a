import type { FastifyRequest } from 'fastify';
import { validationProblem } from './validation';

/** The path of the first string holding a NUL character, which PostgreSQL text cannot store. */
function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (!value || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nulPath(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Fastify preHandler: a NUL character anywhere in the path, query or JSON body is a 400 naming the
 * field, before any handler runs (found by the OpenAPI fuzzer: it used to reach SQL and fail).
 */
export async function rejectNulCharacters(request: FastifyRequest): Promise<void> {
  const field = nulPath(request.params, '') ?? nulPath(request.query, '') ?? nulPath(request.body, '');
  if (field !== undefined)
    throw validationProblem([{ field: field || 'body', rule: 'noNulCharacter', message: 'Dữ liệu chứa ký tự NUL không hợp lệ' }]);
}
