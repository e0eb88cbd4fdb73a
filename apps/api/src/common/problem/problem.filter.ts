import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { genericProblem, Problem, PROBLEM_CONTENT_TYPE, ProblemException, ProblemInit, problemType } from './problem';

const logger = new Logger('Errors');

/** SQLSTATEs of data exceptions caused by a value (class 22), e.g. 22021 bad encoding, 22P02 malformed literal. */
const INPUT_SQLSTATES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

const RELEASED_BY_DROPPED_CONNECTION = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * The database is down or restarting (connection refused or cut, admin shutdown, starting up):
 * a 503 the client may retry, not a 500 — the pool reconnects by itself once it is back.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown })?.driverError];
  return candidates.some((e) => {
    const code = (e as { code?: string })?.code ?? '';
    const message = (e as { message?: string })?.message ?? '';
    // TypeORM releases a transaction's connection when the server drops it between two of its
    // statements (a shutdown): the next statement or the COMMIT fails with these, not the driver's.
    if (RELEASED_BY_DROPPED_CONNECTION.has((e as { name?: string })?.name ?? '')) return true;
    return (
      ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) ||
      code.startsWith('08') ||
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)
    );
  });
}

/** Errors raised by Fastify plugins outside Nest's routing carry a status code. */
interface FastifyLikeError {
  statusCode?: number;
  message?: string;
}

function messageOf(response: unknown): string | undefined {
  if (typeof response === 'string') return response;
  if (response && typeof response === 'object' && 'message' in response) {
    const message = (response as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return undefined;
}

/** Maps anything thrown to a problem description; unknown errors become a generic 500. */
export function toProblemInit(error: unknown): ProblemInit {
  if (error instanceof ProblemException) return error.init;
  if (error instanceof HttpException) {
    // Nest re-throws Fastify's body-parser errors as plain HttpExceptions carrying Fastify's message.
    const detail = messageOf(error.getResponse());
    if (error.getStatus() === 400 && detail && /JSON/.test(detail)) {
      return { status: 400, code: 'MALFORMED_JSON', title: 'Malformed JSON body', detail };
    }
    return genericProblem(error.getStatus(), detail);
  }
  // A value PostgreSQL refuses (bad encoding, out of range, malformed literal) is the caller's input,
  // not our failure: a 400, as a backstop behind the DTO validation.
  const sqlState = (error as { driverError?: { code?: string } })?.driverError?.code;
  if (sqlState && INPUT_SQLSTATES.has(sqlState)) {
    return { status: 400, code: 'INVALID_INPUT', title: 'Invalid input', detail: 'Một giá trị gửi lên không hợp lệ.' };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      title: 'Service unavailable',
      detail: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
    };
  }
  const fastifyError = error as FastifyLikeError;
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return genericProblem(status, fastifyError.message);
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    title: 'Internal error',
    detail: 'An unexpected error occurred. Quote the request id when reporting it.',
  };
}

export function requestIdOf(request: FastifyRequest): string {
  return String(request.id);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, init: ProblemInit): void {
  const body: Problem = {
    type: problemType(init.code),
    title: init.title,
    status: init.status,
    detail: init.detail ?? init.title,
    code: init.code,
    errors: init.errors ?? [],
    requestId: requestIdOf(request),
    ...init.extensions,
  };
  void reply.status(init.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Both the Nest filter and Fastify's own error handler end here, so every error has one shape. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply, adminDir?: string): void {
  const init = toProblemInit(error);
  if (init.status === 404 && adminDir && serveSpaFallback(request, reply, adminDir)) return;
  if (init.status === 503) logger.warn({ requestId: requestIdOf(request), reason: (error as Error)?.message }, 'Database unavailable');
  else if (init.status >= 500) logger.error({ err: error, requestId: requestIdOf(request) }, 'Unhandled error');
  sendProblem(reply, request, init);
}

const ASSET_EXTENSION = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|json|txt|pdf|html)$/i;

/** Deep links of the admin (e.g. /ho-so/123) are answered with index.html; /api stays JSON. */
function serveSpaFallback(request: FastifyRequest, reply: FastifyReply, adminDir: string): boolean {
  const path = request.url.split('?')[0];
  if (request.method !== 'GET' || path === '/api' || path.startsWith('/api/')) return false;
  if (ASSET_EXTENSION.test(path)) return false; // a missing asset is a real 404 (a procedure code like 1.001193 is not)
  if (!existsSync(join(adminDir, 'index.html'))) return false;
  void (reply as FastifyReply & { sendFile(name: string): FastifyReply }).sendFile('index.html');
  return true;
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly adminDir?: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    handleError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.adminDir);
  }
}
