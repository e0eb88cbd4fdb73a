import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The one typed configuration of the API, read from the environment once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  /** Unset means: start the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  adminPassword: string | undefined;
  demoData: boolean;
  logLevel: LogLevel;
  dataDir: string;
  runMigrations: boolean;
  /** Background jobs (pg-boss): the SLA sweep. Off in tests unless a test turns it on. */
  jobsEnabled: boolean;
  bodyLimitBytes: number;
  corsOrigins: string[];
  /** Requests per minute and IP on /api/auth/* and on the public lookup. */
  authRateLimitPerMinute: number;
  publicRateLimitPerMinute: number;
  /** Where the built admin SPA lives; served at `/` when present. */
  adminDir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

const MIN_PRODUCTION_SECRET_LENGTH = 32;
/** Demo-mode password of every demo account, documented in the README. */
export const DEMO_PASSWORD = 'MotCua@2026';

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = env['DATABASE_URL'];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

/**
 * In development the JWT secret may be left unset: one is generated and kept in DATA_DIR so that
 * sessions survive restarts. Production refuses to start without a strong one.
 */
function readJwtSecret(env: Env, nodeEnv: AppConfig['nodeEnv'], dataDir: string): string {
  const raw = env['JWT_SECRET'];
  if (raw) {
    if (nodeEnv === 'production' && raw.length < MIN_PRODUCTION_SECRET_LENGTH) {
      throw new ConfigError('JWT_SECRET', `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`);
    }
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required in production');
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const nodeEnvRaw = env['NODE_ENV'] || 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];

  const logLevel = (env['LOG_LEVEL'] || (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const dataDirRaw = env['DATA_DIR'] || '.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);

  const host = env['HOST'] || '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address: "${host}"`);

  const adminPassword = env['ADMIN_PASSWORD'] || undefined;
  if (nodeEnv === 'production' && !adminPassword) throw new ConfigError('ADMIN_PASSWORD', 'is required in production');
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters');
  }

  const corsRaw = env['CORS_ORIGINS'] || '';
  const corsOrigins = corsRaw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new ConfigError('CORS_ORIGINS', `has an invalid origin "${origin}"`);
  }

  return {
    nodeEnv,
    databaseUrl: readDatabaseUrl(env),
    port: readInt(env, 'PORT', 3000, 0, 65535),
    host,
    jwtSecret: readJwtSecret(env, nodeEnv, dataDir),
    accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    adminPassword,
    demoData: readBool(env, 'DEMO_DATA', nodeEnv !== 'production'),
    logLevel,
    dataDir,
    runMigrations: readBool(env, 'RUN_MIGRATIONS', true),
    jobsEnabled: readBool(env, 'JOBS_ENABLED', nodeEnv !== 'test'),
    bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    corsOrigins,
    authRateLimitPerMinute: readInt(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000),
    publicRateLimitPerMinute: readInt(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 120, 1, 1_000_000),
    adminDir: env['ADMIN_DIR'] ? resolve(cwd, env['ADMIN_DIR']) : resolve(__dirname, '..', 'admin'),
  };
}
