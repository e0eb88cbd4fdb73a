import { isProblem } from '@motcua/api-client';
import type { FormInstance } from 'antd';
import { errorMessage } from './api';

type NamePath = Array<string | number>;

/**
 * The form field an API error path names: an exact field (`name`), or a path inside a list field
 * (`steps.2.agencyId` → ['steps', 2, 'agencyId']) when `steps` is one of the fields.
 */
function fieldPath(field: string, fields: readonly string[]): NamePath | undefined {
  if (fields.includes(field)) return [field];
  const root = fields.find((name) => field.startsWith(`${name}.`));
  if (!root) return undefined;
  return [root, ...field.slice(root.length + 1).split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
}

/**
 * Puts the API's field errors (problem+json `errors[]`) under the form fields they name, and
 * returns what is left to show above the form: the message of errors on no known field, or of a
 * failure without field errors; undefined when every error found its field.
 */
export function applyProblemToForm(form: FormInstance, error: unknown, fields: readonly string[]): string | undefined {
  if (!isProblem(error) || !error.errors?.length) return errorMessage(error);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const fieldError of error.errors) {
    const name = fieldPath(fieldError.field, fields);
    if (!name) {
      rest.push(fieldError.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldError.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name: name.length === 1 ? name[0] : name, errors })));
  if (byField.size === 0) return errorMessage(error);
  return rest.length ? `${error.detail} — ${rest.join('; ')}` : undefined;
}
