import type { Permission } from '@motcua/domain';
import { useCallback, useSyncExternalStore } from 'react';
import { sessionStore } from '../api';
import type { SessionState, SessionUser } from './session-store';

export interface Session {
  state: SessionState;
  /** The signed-in user; undefined while restoring or when signed out. */
  user: SessionUser | undefined;
  /** True when the signed-in user holds the permission (as the API computed it at sign-in). */
  can: (permission: Permission) => boolean;
  /** True when the user holds at least one of the permissions. */
  canAny: (permissions: readonly Permission[]) => boolean;
}

export function useSession(): Session {
  const state = useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
  const user = state.status === 'signedIn' ? state.user : undefined;
  const can = useCallback((permission: Permission) => Boolean(user?.permissions.includes(permission)), [user]);
  const canAny = useCallback((permissions: readonly Permission[]) => permissions.some(can), [can]);
  return { state, user, can, canAny };
}
