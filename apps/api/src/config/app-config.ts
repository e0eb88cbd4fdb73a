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
  /** With demo data: a year of dossier history imported once on first start (`npm start` turns it on). */
  demoHistory: boolean;
  logLevel: LogLevel;
  dataDir: string;
  runMigrations: boolean;
  /** API processes to run (node cluster, one port); 1 runs in-process. */
  apiWorkers: number;
  /** Background jobs (pg-boss): the SLA sweep. Off in tests unless a test turns it on. */
  jobsEnabled: boolean;
  bodyLimitBytes: number;
  corsOrigins: string[];
  /** Requests per minute and IP on /api/auth/* and on the public lookup. */
  authRateLimitPerMinute: number;
  publicRateLimitPerMinute: number;
  /** Where the built admin SPA lives; served at `/` when present. */
  adminDir: string;
  /** Keys protecting identifiers and contact data at rest (citizen registry, DOMAIN §7). */
  personalData: PersonalDataKeys;
  /** Outbound webhooks (integration module); the delivery worker runs when `jobsEnabled`. */
  webhooks: WebhookConfig;
}

/**
 * Retry schedule: attempt n (1-based) failing waits `min(backoffBaseMs × backoffFactor^(n−1), backoffMaxMs)`;
 * after `maxAttempts` the delivery is dead. Defaults: 10 attempts over about 27 hours, first retry after 30 s.
 */
export interface WebhookConfig {
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffFactor: number;
  backoffMaxMs: number;
  /** Deliveries in flight per API process. */
  concurrency: number;
  /** Poll interval while there is work, and when idle. */
  pollBusyMs: number;
  pollIdleMs: number;
  /** CloudEvents `source` of every event. */
  eventSource: string;
}

/**
 * AES-256-GCM keys by id (the id is stored beside every ciphertext, so old rows stay readable after
 * a rotation) and the HMAC key of the exact-lookup hashes (not rotatable without re-hashing).
 */
export interface PersonalDataKeys {
  activeKeyId: string;
  keys: Readonly<Record<string, Buffer>>;
  hmacKey: Buffer;
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

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const AES_KEY_BYTES = 32;
const MIN_HMAC_KEY_BYTES = 32;
const PERSONAL_DATA_KEYS_FILE = 'personal-data-keys.json';

function decodeBase64(variable: string, label: string, value: string): Buffer {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) throw new ConfigError(variable, `has ${label} that is not base64`);
  return Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
}

/** `PERSONAL_DATA_KEYS=id1:base64key,id2:base64key`, each key 32 bytes. */
function parseKeyList(raw: string): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  for (const entry of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    if (!KEY_ID.test(id))
      throw new ConfigError('PERSONAL_DATA_KEYS', 'must be a comma-separated list of id:base64key (id: 1–32 letters, digits, _ or -)');
    if (keys[id]) throw new ConfigError('PERSONAL_DATA_KEYS', `lists the key id "${id}" twice`);
    const key = decodeBase64('PERSONAL_DATA_KEYS', `the key "${id}"`, entry.slice(separator + 1));
    if (key.length !== AES_KEY_BYTES) {
      throw new ConfigError(
        'PERSONAL_DATA_KEYS',
        `key "${id}" must be ${AES_KEY_BYTES} bytes (base64 of 32 random bytes), got ${key.length}`,
      );
    }
    keys[id] = key;
  }
  if (!Object.keys(keys).length) throw new ConfigError('PERSONAL_DATA_KEYS', 'lists no key');
  return keys;
}

function parseHmacKey(raw: string): Buffer {
  const key = decodeBase64('PERSONAL_DATA_HMAC_KEY', 'a value', raw.trim());
  if (key.length < MIN_HMAC_KEY_BYTES)
    throw new ConfigError('PERSONAL_DATA_HMAC_KEY', `must be at least ${MIN_HMAC_KEY_BYTES} bytes (base64)`);
  return key;
}

function activeKeyIdOf(env: Env, keys: Record<string, Buffer>): string {
  const ids = Object.keys(keys);
  const wanted = env['PERSONAL_DATA_KEY_ID'];
  if (!wanted) {
    if (ids.length > 1) throw new ConfigError('PERSONAL_DATA_KEY_ID', 'is required when PERSONAL_DATA_KEYS lists several keys');
    return ids[0];
  }
  if (!keys[wanted]) throw new ConfigError('PERSONAL_DATA_KEY_ID', `names "${wanted}", which PERSONAL_DATA_KEYS does not list`);
  return wanted;
}

interface StoredPersonalDataKeys {
  activeKeyId: string;
  keys: Record<string, string>;
  hmacKey: string;
}

/** Development keys, generated once and kept in DATA_DIR (like the JWT secret): data stays readable across restarts. */
function storedDevelopmentKeys(dataDir: string): { keys: Record<string, Buffer>; activeKeyId: string; hmacKey: Buffer } {
  const file = join(dataDir, PERSONAL_DATA_KEYS_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const generated: StoredPersonalDataKeys = {
      activeKeyId: 'dev1',
      keys: { dev1: randomBytes(AES_KEY_BYTES).toString('base64') },
      hmacKey: randomBytes(MIN_HMAC_KEY_BYTES).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredPersonalDataKeys;
  const keys = Object.fromEntries(Object.entries(stored.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')]));
  return { keys, activeKeyId: stored.activeKeyId, hmacKey: Buffer.from(stored.hmacKey, 'base64') };
}

/**
 * Production refuses to start without the keys (personal data must never be encrypted with a key
 * nobody manages); development generates them into DATA_DIR; tests use fresh random keys.
 */
function readPersonalDataKeys(env: Env, nodeEnv: AppConfig['nodeEnv'], dataDir: string): PersonalDataKeys {
  const keysRaw = env['PERSONAL_DATA_KEYS'];
  const hmacRaw = env['PERSONAL_DATA_HMAC_KEY'];
  if (nodeEnv === 'production') {
    if (!keysRaw)
      throw new ConfigError(
        'PERSONAL_DATA_KEYS',
        'is required in production (id:base64 of 32 random bytes, e.g. k1:$(openssl rand -base64 32))',
      );
    if (!hmacRaw) throw new ConfigError('PERSONAL_DATA_HMAC_KEY', 'is required in production (base64 of at least 32 random bytes)');
  }
  let fallback: { keys: Record<string, Buffer>; activeKeyId: string; hmacKey: Buffer } | undefined;
  const generated = () => {
    fallback ??=
      nodeEnv === 'test'
        ? { keys: { test: randomBytes(AES_KEY_BYTES) }, activeKeyId: 'test', hmacKey: randomBytes(MIN_HMAC_KEY_BYTES) }
        : storedDevelopmentKeys(dataDir);
    return fallback;
  };
  let keys: Record<string, Buffer>;
  let activeKeyId: string;
  if (keysRaw) {
    keys = parseKeyList(keysRaw);
    activeKeyId = activeKeyIdOf(env, keys);
  } else {
    if (env['PERSONAL_DATA_KEY_ID']) throw new ConfigError('PERSONAL_DATA_KEY_ID', 'is set but PERSONAL_DATA_KEYS is not');
    ({ keys, activeKeyId } = generated());
  }
  const hmacKey = hmacRaw ? parseHmacKey(hmacRaw) : generated().hmacKey;
  return { activeKeyId, keys: Object.freeze({ ...keys }), hmacKey };
}

function readWebhookConfig(env: Env): WebhookConfig {
  const eventSource = env['WEBHOOK_EVENT_SOURCE'] || '/motcua/an-giang';
  if (!/^[A-Za-z0-9/:._~%-]{1,255}$/.test(eventSource))
    throw new ConfigError('WEBHOOK_EVENT_SOURCE', `must be a URI reference (e.g. /motcua/an-giang), got "${eventSource}"`);
  return {
    timeoutMs: readInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    maxAttempts: readInt(env, 'WEBHOOK_MAX_ATTEMPTS', 10, 1, 50),
    backoffBaseMs: readInt(env, 'WEBHOOK_BACKOFF_BASE_MS', 30_000, 1, 3_600_000),
    backoffFactor: readInt(env, 'WEBHOOK_BACKOFF_FACTOR', 4, 1, 10),
    backoffMaxMs: readInt(env, 'WEBHOOK_BACKOFF_MAX_MS', 6 * 3_600_000, 1, 7 * 86_400_000),
    concurrency: readInt(env, 'WEBHOOK_CONCURRENCY', 16, 1, 256),
    pollBusyMs: readInt(env, 'WEBHOOK_POLL_BUSY_MS', 250, 10, 60_000),
    pollIdleMs: readInt(env, 'WEBHOOK_POLL_IDLE_MS', 1_000, 10, 60_000),
    eventSource,
  };
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
    demoHistory: readBool(env, 'DEMO_HISTORY', false),
    logLevel,
    dataDir,
    runMigrations: readBool(env, 'RUN_MIGRATIONS', true),
    apiWorkers: readInt(env, 'API_WORKERS', 1, 1, 64),
    jobsEnabled: readBool(env, 'JOBS_ENABLED', nodeEnv !== 'test'),
    bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    corsOrigins,
    authRateLimitPerMinute: readInt(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000),
    publicRateLimitPerMinute: readInt(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 120, 1, 1_000_000),
    adminDir: env['ADMIN_DIR'] ? resolve(cwd, env['ADMIN_DIR']) : resolve(__dirname, '..', 'admin'),
    personalData: readPersonalDataKeys(env, nodeEnv, dataDir),
    webhooks: readWebhookConfig(env),
  };
}
