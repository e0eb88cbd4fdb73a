import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** API keys look like `mc_<prefix>_<secret>`; the prefix finds the row, the secret is only hashed. */
export interface GeneratedKey {
  key: string;
  prefix: string;
  hash: string;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function generateApiKey(): GeneratedKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const key = `mc_${prefix}_${secret}`;
  return { key, prefix, hash: sha256Hex(key) };
}

export function parseApiKey(key: string): { prefix: string } | undefined {
  const match = /^mc_([0-9a-f]{12})_[A-Za-z0-9_-]{32}$/.exec(key);
  return match ? { prefix: match[1] } : undefined;
}

export function keyMatches(key: string, storedHash: string): boolean {
  return timingSafeEqual(Buffer.from(sha256Hex(key), 'hex'), Buffer.from(storedHash, 'hex'));
}
