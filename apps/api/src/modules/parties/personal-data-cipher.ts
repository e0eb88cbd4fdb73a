import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PersonalDataKeys } from '../../config/app-config';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  /** iv (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext */
  ciphertext: Buffer;
  keyId: string;
}

export class PersonalDataCipherError extends Error {}

/**
 * Encryption at rest of identifiers and contact data (AES-256-GCM) and the keyed hash (HMAC-SHA256)
 * used for exact lookup without decrypting. `context` (e.g. `identifier:CCCD`) is bound to the
 * ciphertext as associated data, so a value copied into another column or kind fails to decrypt.
 * Never logs or returns keys; errors never carry plaintext.
 */
export class PersonalDataCipher {
  constructor(private readonly config: PersonalDataKeys) {
    if (!config.keys[config.activeKeyId]) throw new PersonalDataCipherError(`Unknown active key id ${config.activeKeyId}`);
  }

  get activeKeyId(): string {
    return this.config.activeKeyId;
  }

  encrypt(plaintext: string, context: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.config.keys[this.config.activeKeyId], iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: this.config.activeKeyId };
  }

  /** Decrypts with the key the row names (rotation); throws when the key is gone or the data was altered. */
  decrypt(sealed: Buffer, keyId: string, context: string): string {
    const key = this.config.keys[keyId];
    if (!key) throw new PersonalDataCipherError(`Personal-data key "${keyId}" is not configured (PERSONAL_DATA_KEYS)`);
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new PersonalDataCipherError('Ciphertext too short');
    const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new PersonalDataCipherError('Ciphertext failed authentication (wrong key, context or altered data)');
    }
  }

  /** HMAC-SHA256 of an already normalised value, namespaced by kind so equal strings of two kinds differ. */
  hash(kind: string, normalized: string): Buffer {
    return createHmac('sha256', this.config.hmacKey).update(kind).update('\u0000').update(normalized, 'utf8').digest();
  }
}
