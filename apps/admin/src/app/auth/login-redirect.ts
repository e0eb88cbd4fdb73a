export const LOGIN_PATH = '/dang-nhap';

/** The login address that brings the user back to `from` afterwards. */
export function loginPathFor(from: string | undefined): string {
  return from && from !== '/' ? `${LOGIN_PATH}?next=${encodeURIComponent(from)}` : LOGIN_PATH;
}

/** Where to go after signing in: only a path of this app, never another site (`//evil.example`). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(LOGIN_PATH)) return '/';
  return next;
}
