import { isProblem } from '@motcua/api-client';
import type { FormInstance } from 'antd';
import { errorMessage } from './api';

/**
 * Puts the API's field errors (problem+json `errors[]`) under the form fields they name, and
 * returns what is left to show above the form: the message of errors on no known field, or of a
 * failure without field errors; undefined when every error found its field.
 */
export function applyProblemToForm(form: FormInstance, error: unknown, fields: readonly string[]): string | undefined {
  if (!isProblem(error) || !error.errors?.length) return errorMessage(error);
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const fieldError of error.errors) {
    const field = fields.find((name) => name === fieldError.field);
    if (field) byField.set(field, [...(byField.get(field) ?? []), fieldError.message]);
    else rest.push(fieldError.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0) return errorMessage(error);
  return rest.length ? `${error.detail} — ${rest.join('; ')}` : undefined;
}
