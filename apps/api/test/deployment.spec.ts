import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROLE_PERMISSIONS, ROLES } from '@motcua/domain';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/app-config';

const ROOT = resolve(__dirname, '../../..');

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe('docker-compose.yml (checked without a Docker engine)', () => {
  const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const { db, api } = compose.services;

  it('runs PostgreSQL 16 on a named volume with a health check', () => {
    expect(db.image).toBe('postgres:16');
    const [volume] = db.volumes ?? [];
    expect(volume).toBe('db-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('db-data');
    expect(db.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('starts the API only once the database is healthy, on port 3000, in production mode', () => {
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(api.ports).toEqual(['3000:3000']);
    expect(api.environment?.['NODE_ENV']).toBe('production');
    expect(api.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/motcua:.+@db:5432\/motcua$/);
  });

  it('gives the API every setting production requires, and nothing the config would reject', () => {
    const env = api.environment ?? {};
    // Substitute the ${VAR} placeholders as `docker compose` would with valid secrets.
    const resolved = Object.fromEntries(
      Object.entries(env).map(([key, value]) => [
        key,
        value
          .replace(/\$\{POSTGRES_PASSWORD[^}]*\}/g, 'pg-secret')
          .replace(/\$\{JWT_SECRET[^}]*\}/g, 'j'.repeat(40))
          .replace(/\$\{ADMIN_PASSWORD[^}]*\}/g, 'admin-password-123')
          .replace(/\$\{PERSONAL_DATA_KEYS[^}]*\}/g, `k1:${'k'.repeat(43)}=`)
          .replace(/\$\{PERSONAL_DATA_HMAC_KEY[^}]*\}/g, 'h'.repeat(44))
          .replace(/\$\{(\w+):-([^}]*)\}/g, '$2'),
      ]),
    );
    const config = loadConfig(resolved);
    expect(config).toMatchObject({ nodeEnv: 'production', port: 3000, host: '0.0.0.0', demoData: false, dataDir: '/var/lib/motcua' });
  });

  it('builds a non-root, multi-stage image that serves the API and the admin', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('nx run-many -t build -p api admin');
    expect(dockerfile).toContain('CMD ["node", "dist/apps/api/main.js"]');
  });
});

describe('README', () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

  it('lists each role with exactly the permissions the code grants', () => {
    for (const role of ROLES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${role}\` |`));
      expect(row).toBeDefined();
      const listed = [...(row as string).split('|')[3].matchAll(/`([a-z]+:[a-z]+)`/g)].map((m) => m[1]);
      expect(listed).toEqual([...ROLE_PERMISSIONS[role]]);
    }
  });

  it('shows the two set-up commands at the top', () => {
    const top = readme.slice(0, 1500);
    expect(top).toContain('npm ci && npm start');
    expect(top).toContain('npm test');
  });
});
