import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from './problem/problem';

/**
 * Fixed-window request limit per client IP, in memory: a brake on password guessing and
 * scraping per process. (Several processes each count on their own; the per-username lockout
 * is in the database and holds across processes.)
 */
export class IpRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Seconds to wait when over the limit, else 0. */
  hit(ip: string, now = Date.now()): number {
    if (this.windows.size > 50_000) this.sweep(now);
    const window = this.windows.get(ip);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(ip, { start: now, count: 1 });
      return 0;
    }
    window.count += 1;
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [ip, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(ip);
  }
}

export function tooManyRequests(reply: FastifyReply, retryAfterSeconds: number, detail: string): ProblemException {
  void reply.header('retry-after', String(retryAfterSeconds));
  return new ProblemException({
    status: 429,
    code: 'RATE_LIMITED',
    title: 'Too many requests',
    detail,
    extensions: { retryAfterSeconds },
  });
}

@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private readonly limiter: IpRateLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new IpRateLimiter(config.authRateLimitPerMinute, 60_000);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const wait = this.limiter.hit(http.getRequest<FastifyRequest>().ip);
    if (wait > 0)
      throw tooManyRequests(http.getResponse<FastifyReply>(), wait, 'Quá nhiều yêu cầu đăng nhập từ địa chỉ này. Vui lòng thử lại sau.');
    return true;
  }
}
