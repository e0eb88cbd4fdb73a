import type { FormRule } from 'antd';
import { i18n } from '../../i18n/i18n';

/** The API's policy, checked before sending too: at least 10 characters, not containing the username. */
export const MIN_PASSWORD_LENGTH = 10;

export function passwordPolicyError(password: string, username: string | undefined): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return i18n.t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (username && password.toLowerCase().includes(username.trim().toLowerCase())) return i18n.t('password.containsUsername');
  return undefined;
}

/** antd Form rules for a new password; `username` is read when the rule runs (it may be typed in the same form). */
export function passwordRules(username: () => string | undefined): FormRule[] {
  return [
    { required: true, message: i18n.t('password.required') },
    {
      validator: async (_rule, value: string | undefined) => {
        const problem = value ? passwordPolicyError(value, username()) : undefined;
        if (problem) throw new Error(problem);
      },
    },
  ];
}

/** The "type it again" field must match the named password field. */
export function confirmRules(passwordField: string): FormRule[] {
  return [
    { required: true, message: i18n.t('password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value !== getFieldValue(passwordField)) throw new Error(i18n.t('password.mismatch'));
      },
    }),
  ];
}
