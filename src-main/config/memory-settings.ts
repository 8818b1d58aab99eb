import { ENCRYPTED_PREFIX, type SecretCipher } from './secret-cipher';
import { SettingsService } from './settings-service';

/**
 * The "cipher" of settings that never leave the process: nothing is written anywhere, so the secrets are
 * only wrapped in the stored-secret format the service expects.
 */
const inMemoryCipher: SecretCipher = {
  id: 'memory',
  encrypt: (plain) => `${ENCRYPTED_PREFIX}memory:${Buffer.from(plain, 'utf8').toString('base64')}`,
  decrypt: (stored) => Buffer.from(stored.split(':')[2] ?? '', 'base64').toString('utf8'),
};

/**
 * Settings kept only in memory, starting from the defaults: for a command that must neither read nor
 * write the data folder's settings file (`store test`, `db … --demo`). Same rules as the file-backed ones.
 */
export const openMemorySettings = (): SettingsService =>
  new SettingsService({
    // No file: the service starts from the defaults and "writes" to the object below only.
    filePath: '',
    openStore: () => ({ path: '(em memória)', store: {} }),
    cipher: inMemoryCipher,
  });
