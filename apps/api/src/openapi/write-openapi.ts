import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument, createApp } from '../create-app';

/** Sorts object keys recursively so the committed contract diffs cleanly. Arrays keep their order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Writes the OpenAPI contract from the controllers, without a database (Nest preview mode). */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'libs/api-client/openapi.json');
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ADMIN_DIR: '/nonexistent' });
  const app = await createApp(config, 'postgres://preview@127.0.0.1:1/preview', { preview: true });
  const document = buildOpenApiDocument(app);
  writeFileSync(target, JSON.stringify(sortKeys(document), null, 2) + '\n');
  await app.close();
  process.stdout.write(`OpenAPI contract written to ${target}\n`);
}

void main();
