import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, PersonalDataCipherError } from './personal-data-cipher';

const keys = () => ({ k1: randomBytes(32), k2: randomBytes(32) });

describe('PersonalDataCipher', () => {
  const shared = keys();
  const hmacKey = randomBytes(32);
  const cipher = new PersonalDataCipher({ activeKeyId: 'k1', keys: shared, hmacKey });

  it('round-trips Vietnamese text and never stores the plaintext', () => {
    const sealed = cipher.encrypt('089203001234 Nguyễn Văn An', 'identifier:CCCD');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.length).toBe(12 + 16 + Buffer.byteLength('089203001234 Nguyễn Văn An'));
    expect(sealed.ciphertext.toString('latin1')).not.toContain('089203001234');
    expect(cipher.decrypt(sealed.ciphertext, sealed.keyId, 'identifier:CCCD')).toBe('089203001234 Nguyễn Văn An');
  });

  it('uses a fresh IV each time, so equal values give different ciphertexts', () => {
    const a = cipher.encrypt('0912345678', 'contact:PHONE').ciphertext;
    const b = cipher.encrypt('0912345678', 'contact:PHONE').ciphertext;
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
  });

  it('decrypts old rows with the key id stored on them after the active key rotates', () => {
    const old = cipher.encrypt('079085001234', 'identifier:CCCD');
    const rotated = new PersonalDataCipher({ activeKeyId: 'k2', keys: shared, hmacKey });
    const fresh = rotated.encrypt('079085001234', 'identifier:CCCD');
    expect(fresh.keyId).toBe('k2');
    expect(rotated.decrypt(old.ciphertext, old.keyId, 'identifier:CCCD')).toBe('079085001234');
    expect(rotated.decrypt(fresh.ciphertext, fresh.keyId, 'identifier:CCCD')).toBe('079085001234');
  });

  it('refuses a key id that is no longer configured, naming the variable', () => {
    const sealed = cipher.encrypt('x', 'contact:EMAIL');
    const withoutK1 = new PersonalDataCipher({ activeKeyId: 'k2', keys: { k2: shared.k2 }, hmacKey });
    expect(() => withoutK1.decrypt(sealed.ciphertext, 'k1', 'contact:EMAIL')).toThrow(/PERSONAL_DATA_KEYS/);
  });

  it('detects tampering, a wrong key and a ciphertext moved to another context', () => {
    const sealed = cipher.encrypt('0912345678', 'contact:PHONE');
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered, 'k1', 'contact:PHONE')).toThrow(PersonalDataCipherError);
    expect(() => cipher.decrypt(sealed.ciphertext, 'k2', 'contact:PHONE')).toThrow(PersonalDataCipherError);
    expect(() => cipher.decrypt(sealed.ciphertext, 'k1', 'identifier:CCCD')).toThrow(PersonalDataCipherError);
    expect(() => cipher.decrypt(Buffer.alloc(10), 'k1', 'contact:PHONE')).toThrow(/too short/);
  });

  it('never puts the plaintext into an error message', () => {
    const sealed = cipher.encrypt('089203001234', 'identifier:CCCD');
    try {
      cipher.decrypt(sealed.ciphertext, 'k1', 'identifier:CMND');
      throw new Error('should have failed');
    } catch (error) {
      expect(String(error)).not.toContain('089203001234');
    }
  });

  it('hashes deterministically with the HMAC key, namespaced by kind', () => {
    const a = cipher.hash('CCCD', '089203001234');
    expect(a).toHaveLength(32);
    expect(cipher.hash('CCCD', '089203001234').equals(a)).toBe(true);
    expect(cipher.hash('CMND', '089203001234').equals(a)).toBe(false);
    expect(cipher.hash('CCCD', '089203001235').equals(a)).toBe(false);
    const otherKey = new PersonalDataCipher({ activeKeyId: 'k1', keys: shared, hmacKey: randomBytes(32) });
    expect(otherKey.hash('CCCD', '089203001234').equals(a)).toBe(false);
    // Kind and value cannot be shifted into one another.
    expect(cipher.hash('CC', 'CD089203001234').equals(a)).toBe(false);
  });

  it('refuses an active key id it does not hold', () => {
    expect(() => new PersonalDataCipher({ activeKeyId: 'k9', keys: shared, hmacKey })).toThrow(PersonalDataCipherError);
  });
});
