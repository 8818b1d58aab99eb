import type { SafeStorage } from 'electron';
import { ENCRYPTED_PREFIX, type SecretCipher } from '../config/secret-cipher';

/** The part of Electron's safeStorage the cipher uses (a fake in the tests). */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * Is safeStorage real protection here? DPAPI on Windows, Keychain on macOS, a keyring on Linux; Linux's
 * "basic_text" backend is a fixed password, no better than plain text, so it does not count.
 * Call only after app 'ready'.
 */
export const safeStorageUsable = (
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): boolean => {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
};

/**
 * Desktop secrets: Electron safeStorage (DPAPI on Windows, bound to the Windows user).
 * Stored as `enc:safe:<base64>`.
 */
export class SafeStorageCipher implements SecretCipher {
  readonly id = 'safe';

  constructor(private readonly safeStorage: SafeStorageLike) {}

  encrypt(plain: string): string {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new Error('a criptografia do sistema (safeStorage) não está disponível');
    }
    return `${ENCRYPTED_PREFIX}${this.id}:${this.safeStorage.encryptString(plain).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [prefix, id, body] = stored.split(':');
    if (`${prefix}:` !== ENCRYPTED_PREFIX || id !== this.id || !body) {
      throw new Error(`segredo cifrado por outro mecanismo (${id ?? '?'})`);
    }
    return this.safeStorage.decryptString(Buffer.from(body, 'base64'));
  }
}
