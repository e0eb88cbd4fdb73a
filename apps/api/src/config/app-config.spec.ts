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
    const prod = { NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-admin-password' };
    expect(() => loadConfig(prod)).toThrow(/JWT_SECRET is required in production/);
    expect(() => loadConfig({ ...prod, JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/ADMIN_PASSWORD is required/);
    expect(loadConfig({ ...prod, JWT_SECRET: 'x'.repeat(40) }).demoData).toBe(false);
  });
});
