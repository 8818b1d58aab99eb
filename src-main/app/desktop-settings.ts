import { safeStorage } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { KeyFileCipher } from '../config/secret-cipher';
import { SettingsService } from '../config/settings-service';
import { SafeStorageCipher, safeStorageUsable } from './safe-storage-cipher';

export const DESKTOP_SETTINGS_NAME = 'settings';

/**
 * Desktop settings in the machine's data folder (ADR 0308): electron-store at <data folder>/settings.json,
 * the same file the service reads, with secrets under the data folder's key file (secret.key) — what the
 * service, under another Windows account, can open too. safeStorage (DPAPI, bound to this Windows user)
 * stays a reader only: secrets an older desktop version wrote with it are re-encrypted with the key file.
 * Call after app 'ready' (safeStorage needs it).
 */
export const openDesktopSettings = (dataDir: string, onWarning: (message: string) => void): SettingsService =>
  new SettingsService({
    filePath: join(dataDir, `${DESKTOP_SETTINGS_NAME}.json`),
    openStore: () =>
      new Store<Record<string, unknown>>({
        name: DESKTOP_SETTINGS_NAME,
        cwd: dataDir,
        clearInvalidConfig: false,
      }),
    cipher: new KeyFileCipher(join(dataDir, 'secret.key'), { onWarning }),
    readers: safeStorageUsable(safeStorage) ? [new SafeStorageCipher(safeStorage)] : [],
    onWarning,
  });
