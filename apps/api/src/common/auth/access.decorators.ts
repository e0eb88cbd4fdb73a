import { SetMetadata } from '@nestjs/common';

export const ACCESS_METADATA = 'motcua:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: string };

/** The route needs no credentials (health, public lookup). Every route must declare its access. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
