import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base, '/srv/motcua');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/motcua/.data',
      runMigrations: true,
      bodyLimitBytes: 1024 * 1024,
      corsOrigins: [],
    });
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL must start with postgres:\/\//],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['DEMO_DATA', 'maybe', /DEMO_DATA must be true or false/],
    ['CORS_ORIGINS', 'example.org', /CORS_ORIGINS has an invalid origin/],
    ['ADMIN_PASSWORD', 'short', /ADMIN_PASSWORD must be at least 10 characters/],
  ])('names %s when it is invalid (%s)', (name, value, message) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(message);
  });

  it('refuses to start in production without a strong JWT_SECRET and an ADMIN_PASSWORD', () => {
    const prod = { NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-admin-password', ...personalDataEnv };
    expect(() => loadConfig(prod)).toThrow(/JWT_SECRET is required in production/);
    expect(() => loadConfig({ ...prod, JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/ADMIN_PASSWORD is required/);
    expect(loadConfig({ ...prod, JWT_SECRET: 'x'.repeat(40) }).demoData).toBe(false);
  });

  describe('personal-data keys', () => {
    const key = () => randomBytes(32).toString('base64');
    const prod = { NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-admin-password', JWT_SECRET: 'x'.repeat(40) };

    it('refuses to start in production without the encryption and lookup keys', () => {
      expect(() => loadConfig(prod)).toThrow(/PERSONAL_DATA_KEYS is required in production/);
      expect(() => loadConfig({ ...prod, PERSONAL_DATA_KEYS: `k1:${key()}` })).toThrow(/PERSONAL_DATA_HMAC_KEY is required in production/);
      expect(loadConfig({ ...prod, ...personalDataEnv }).personalData.activeKeyId).toBe('k1');
    });

    it('reads several keys and the active key id, for rotation', () => {
      const old = key();
      const current = key();
      const config = loadConfig({
        ...base,
        PERSONAL_DATA_KEYS: `2025:${old}, 2026:${current}`,
        PERSONAL_DATA_KEY_ID: '2026',
        PERSONAL_DATA_HMAC_KEY: key(),
      });
      expect(config.personalData.activeKeyId).toBe('2026');
      expect(config.personalData.keys['2025'].toString('base64')).toBe(old);
      expect(config.personalData.keys['2026'].toString('base64')).toBe(current);
    });

    it.each([
      [{ PERSONAL_DATA_KEYS: 'k1' }, /PERSONAL_DATA_KEYS must be a comma-separated list of id:base64key/],
      [{ PERSONAL_DATA_KEYS: `k1:${randomBytes(16).toString('base64')}` }, /key "k1" must be 32 bytes/],
      [{ PERSONAL_DATA_KEYS: 'k1:not base64!' }, /PERSONAL_DATA_KEYS has the key "k1" that is not base64/],
      [{ PERSONAL_DATA_KEYS: `k1:${key()},k1:${key()}` }, /lists the key id "k1" twice/],
      [{ PERSONAL_DATA_KEYS: `k1:${key()},k2:${key()}` }, /PERSONAL_DATA_KEY_ID is required when PERSONAL_DATA_KEYS lists several keys/],
      [{ PERSONAL_DATA_KEYS: `k1:${key()}`, PERSONAL_DATA_KEY_ID: 'k9' }, /PERSONAL_DATA_KEY_ID names "k9"/],
      [{ PERSONAL_DATA_KEY_ID: 'k1' }, /PERSONAL_DATA_KEY_ID is set but PERSONAL_DATA_KEYS is not/],
      [{ PERSONAL_DATA_HMAC_KEY: randomBytes(8).toString('base64') }, /PERSONAL_DATA_HMAC_KEY must be at least 32 bytes/],
    ])('names the variable when the keys are invalid (%#)', (env, message) => {
      expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, ...env })).toThrow(message);
    });

    it('generates development keys once into DATA_DIR, readable only by the owner, and reuses them', () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'motcua-config-'));
      try {
        const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }).personalData;
        const second = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }).personalData;
        expect(first.keys[first.activeKeyId]).toHaveLength(32);
        expect(first.hmacKey.length).toBeGreaterThanOrEqual(32);
        expect(second.keys[second.activeKeyId].equals(first.keys[first.activeKeyId])).toBe(true);
        expect(second.hmacKey.equals(first.hmacKey)).toBe(true);
        const file = join(dataDir, 'personal-data-keys.json');
        expect(statSync(file).mode & 0o077).toBe(0);
        expect(JSON.parse(readFileSync(file, 'utf8')).activeKeyId).toBe(first.activeKeyId);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it('uses fresh in-memory keys in tests, never writing to DATA_DIR', () => {
      const a = loadConfig(base, '/nonexistent-motcua').personalData;
      const b = loadConfig(base, '/nonexistent-motcua').personalData;
      expect(a.hmacKey.equals(b.hmacKey)).toBe(false);
    });
  });
});

const personalDataEnv = {
  PERSONAL_DATA_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PERSONAL_DATA_HMAC_KEY: randomBytes(32).toString('base64'),
};

describe('loadConfig: webhooks', () => {
  it('defaults to a 10 s timeout and 10 attempts with an exponential backoff capped at 6 h', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).webhooks).toEqual({
      timeoutMs: 10_000,
      maxAttempts: 10,
      backoffBaseMs: 30_000,
      backoffFactor: 4,
      backoffMaxMs: 21_600_000,
      concurrency: 16,
      pollBusyMs: 250,
      pollIdleMs: 1_000,
      eventSource: '/motcua/an-giang',
    });
  });

  it.each([
    [{ WEBHOOK_MAX_ATTEMPTS: '0' }, /WEBHOOK_MAX_ATTEMPTS must be between 1 and 50/],
    [{ WEBHOOK_TIMEOUT_MS: '10s' }, /WEBHOOK_TIMEOUT_MS must be a whole number/],
    [{ WEBHOOK_BACKOFF_FACTOR: '11' }, /WEBHOOK_BACKOFF_FACTOR must be between 1 and 10/],
    [{ WEBHOOK_EVENT_SOURCE: 'not a uri' }, /WEBHOOK_EVENT_SOURCE must be a URI reference/],
  ])('names the variable when a webhook setting is out of bounds (%#)', (env, message) => {
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(message);
  });
});
