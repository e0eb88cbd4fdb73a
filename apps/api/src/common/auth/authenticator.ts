import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

/**
 * Turns a request's credentials into a principal. Implemented by the identity module; declared
 * here so the global guard does not depend on a domain module.
 * Returns undefined when the request carries no credentials; throws 401 when they are invalid.
 */
export abstract class Authenticator {
  abstract authenticate(request: FastifyRequest): Promise<Principal | undefined>;
}
