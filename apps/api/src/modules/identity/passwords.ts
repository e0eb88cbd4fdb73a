import * as argon2 from 'argon2';
import { FieldError } from '../../common/problem/problem';

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Checked for unknown usernames too, so a wrong username costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  return dummyHash;
}

/** Policy: at least 10 characters and not the username (in any case). */
export function passwordPolicyErrors(password: string, username: string, field = 'password'): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    errors.push({ field, rule: 'minLength', message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự` });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    errors.push({ field, rule: 'notUsername', message: 'Mật khẩu không được chứa tên đăng nhập' });
  }
  return errors;
}
