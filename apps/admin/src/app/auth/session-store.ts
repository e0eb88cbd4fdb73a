import type { Schemas } from '@motcua/api-client';

export type SessionUser = Schemas['SessionUser'];
export type LoginResponse = Schemas['LoginResponse'];

/** Why the user is signed out: the login page says so, and only an expired session remembers the page. */
export type SignOutReason = 'none' | 'expired' | 'loggedOut' | 'passwordChanged';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedIn'; user: SessionUser; accessToken: string }
  | { status: 'signedOut'; reason: SignOutReason };

/** Exchanges the refresh cookie for a new session; undefined when the session has ended. */
export type Refresher = () => Promise<LoginResponse | undefined>;

/**
 * The signed-in session, in memory only: the access token never touches localStorage, and a
 * reload gets a new one from the httpOnly refresh cookie. Read by the API middleware and, through
 * useSession(), by components.
 */
export class SessionStore {
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<() => void>();
  private pendingRefresh: Promise<string | undefined> | undefined;

  constructor(private readonly refresher: Refresher) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionState => this.state;

  accessToken(): string | undefined {
    return this.state.status === 'signedIn' ? this.state.accessToken : undefined;
  }

  signIn(response: LoginResponse): void {
    this.set({ status: 'signedIn', user: response.user, accessToken: response.accessToken });
  }

  signOut(reason: SignOutReason): void {
    this.set({ status: 'signedOut', reason });
  }

  /**
   * One refresh at a time for the whole app: the API rotates the refresh cookie and treats a
   * second use of the old one as theft (ending every session), so concurrent 401s and React's
   * double-run effects must share a single call. Resolves to the new access token, or undefined
   * (and signs out) when the session has ended.
   */
  refresh(): Promise<string | undefined> {
    this.pendingRefresh ??= this.refresher()
      .catch(() => undefined)
      .then((response) => {
        if (response) {
          this.signIn(response);
          return response.accessToken;
        }
        // At start-up there was no session to lose; later, the session expired under the user.
        this.signOut(this.state.status === 'restoring' ? 'none' : 'expired');
        return undefined;
      })
      .finally(() => {
        this.pendingRefresh = undefined;
      });
    return this.pendingRefresh;
  }

  /** Back to the state of a fresh page load (tests). */
  reset(): void {
    this.pendingRefresh = undefined;
    this.set({ status: 'restoring' });
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
