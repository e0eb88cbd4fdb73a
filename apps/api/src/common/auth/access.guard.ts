import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../problem/problem';
import { ACCESS_METADATA, AccessRule } from './access.decorators';
import type { RequestWithPrincipal } from './actor';
import { Authenticator } from './authenticator';

export const unauthenticated = (detail = 'Sign in to continue.') =>
  new ProblemException({ status: 401, code: 'UNAUTHENTICATED', title: 'Authentication required', detail });

/** Global guard: decides every request from the route's declared access rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = await this.authenticator.authenticate(request);
    if (!principal) throw unauthenticated();
    request.principal = principal;

    // A route that forgot to declare its access is closed, never open.
    if (!rule) throw forbidden('This route declares no access rule.');
    if (rule.kind === 'permission' && !principal.permissions.has(rule.permission)) {
      throw forbidden(`This action requires the permission "${rule.permission}".`, { requiredPermission: rule.permission });
    }
    return true;
  }
}

export function forbidden(detail: string, extensions?: Record<string, unknown>): ProblemException {
  return new ProblemException({ status: 403, code: 'FORBIDDEN', title: 'Not allowed', detail, extensions });
}
