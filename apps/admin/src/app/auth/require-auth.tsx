import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { LOGIN_PATH, loginPathFor } from './login-redirect';
import { useSession } from './use-session';

/** Routes inside need a signed-in user; otherwise to login, remembering the page when the session expired. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'signedIn') return children;
  // Signing out on purpose starts afresh; an expired session (or a deep link) comes back here after login.
  const remember = state.status === 'signedOut' && (state.reason === 'expired' || state.reason === 'none');
  const target = remember ? loginPathFor(location.pathname + location.search) : LOGIN_PATH;
  return <Navigate to={target} replace />;
}
