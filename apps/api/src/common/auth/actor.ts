import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

/** Who acts and from where: passed from controllers to services, and written to the audit trail. */
export interface ActorContext {
  principal: Principal | undefined;
  requestId: string;
  ip: string;
}

export type RequestWithPrincipal = FastifyRequest & { principal?: Principal };

export function actorOf(request: RequestWithPrincipal): ActorContext {
  return { principal: request.principal, requestId: String(request.id), ip: request.ip };
}

/** `@Actor() actor: ActorContext` in a handler. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  actorOf(context.switchToHttp().getRequest<RequestWithPrincipal>()),
);

/** For authenticated routes: the principal is always there (the guard let the request in). */
export function principalOf(actor: ActorContext): Principal {
  if (!actor.principal) throw new Error('No principal on an authenticated route');
  return actor.principal;
}
