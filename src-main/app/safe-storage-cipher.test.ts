import { describe, expect, it } from 'vitest';
import { KeyFileCipher } from '../config/secret-cipher';
import { SafeStorageCipher, safeStorageUsable, type SafeStorageLike } from './safe-storage-cipher';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A reversible stand-in for DPAPI: reverses and tags the bytes. */
const fakeSafeStorage = (available = true, backend?: 'basic_text' | 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.concat([Buffer.from('DPAPI'), Buffer.from(plain, 'utf8').reverse()]),
  decryptString: (encrypted) => {
    if (!encrypted.subarray(0, 5).equals(Buffer.from('DPAPI'))) throw new Error('Error while decrypting');
    return Buffer.from(encrypted.subarray(5)).reverse().toString('utf8');
  },
  ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
});

describe('SafeStorageCipher', () => {
  it('round-trips a secret, stored as enc:safe:<base64> without the clear text', () => {
    const cipher = new SafeStorageCipher(fakeSafeStorage());
    const stored = cipher.encrypt('senha-do-banco ç');
    expect(stored).toMatch(/^enc:safe:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('senha');
    expect(cipher.decrypt(stored)).toBe('senha-do-banco ç');
  });

  it('refuses to write when safeStorage is unavailable', () => {
    expect(() => new SafeStorageCipher(fakeSafeStorage(false)).encrypt('x')).toThrow('safeStorage');
  });

  it('refuses secrets written by another cipher', () => {
    const keyFile = new KeyFileCipher(join(mkdtempSync(join(tmpdir(), 'wtc-cipher-')), 'secret.key'));
    expect(() => new SafeStorageCipher(fakeSafeStorage()).decrypt(keyFile.encrypt('x'))).toThrow(
      'outro mecanismo (aes)',
    );
    expect(() => new SafeStorageCipher(fakeSafeStorage()).decrypt('enc:safe:')).toThrow('outro mecanismo');
  });

  it('surfaces a decryption failure (data from another Windows user)', () => {
    const stored = `enc:safe:${Buffer.from('garbage').toString('base64')}`;
    expect(() => new SafeStorageCipher(fakeSafeStorage()).decrypt(stored)).toThrow('decrypting');
  });
});

describe('safeStorageUsable', () => {
  it('is true with real OS protection', () => {
    expect(safeStorageUsable(fakeSafeStorage(), 'win32')).toBe(true);
    expect(safeStorageUsable(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')).toBe(true);
  });

  it('is false when unavailable or on the Linux basic_text backend', () => {
    expect(safeStorageUsable(fakeSafeStorage(false), 'win32')).toBe(false);
    expect(safeStorageUsable(fakeSafeStorage(true, 'basic_text'), 'linux')).toBe(false);
  });
});
