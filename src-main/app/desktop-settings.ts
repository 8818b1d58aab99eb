import { safeStorage } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { KeyFileCipher } from '../config/secret-cipher';
import { SettingsService } from '../config/settings-service';
import { SafeStorageCipher, safeStorageUsable } from './safe-storage-cipher';

export const DESKTOP_SETTINGS_NAME = 'settings';

/**
 * Desktop settings: electron-store at <userData>/settings.json, secrets through safeStorage (DPAPI).
 * The key-file cipher of the headless host is an extra reader (a file copied from a server still opens);
 * it also becomes the writer when safeStorage is not real protection (Linux without a keyring).
 * Call after app 'ready' (safeStorage needs it).
 */
export const openDesktopSettings = (
  userDataDir: string,
  onWarning: (message: string) => void,
): SettingsService => {
  const keyFile = new KeyFileCipher(join(userDataDir, 'secret.key'), { onWarning });
  const safe = new SafeStorageCipher(safeStorage);
  const useSafe = safeStorageUsable(safeStorage);
  if (!useSafe) {
    onWarning(
      'A criptografia do sistema (safeStorage) não está disponível; as senhas serão cifradas com o arquivo de chave secret.key.',
    );
  }
  return new SettingsService({
    filePath: join(userDataDir, `${DESKTOP_SETTINGS_NAME}.json`),
    openStore: () =>
      new Store<Record<string, unknown>>({
        name: DESKTOP_SETTINGS_NAME,
        cwd: userDataDir,
        clearInvalidConfig: false,
      }),
    cipher: useSafe ? safe : keyFile,
    readers: useSafe ? [keyFile] : [safe],
    onWarning,
  });
};
