import Conf from 'conf';
import { join } from 'node:path';
import { KeyFileCipher } from './secret-cipher';
import { SettingsService } from './settings-service';

export const SETTINGS_FILE_NAME = 'settings';

/** Settings for the plain Node host: `conf` in the data folder, secrets under a key file beside it. */
export const openHeadlessSettings = (
  dataDir: string,
  onWarning?: (message: string) => void,
): SettingsService =>
  new SettingsService({
    filePath: join(dataDir, `${SETTINGS_FILE_NAME}.json`),
    openStore: () =>
      new Conf<Record<string, unknown>>({
        cwd: dataDir,
        configName: SETTINGS_FILE_NAME,
        projectName: 'integrador-winthor-ciashop',
        clearInvalidConfig: false,
      }),
    cipher: new KeyFileCipher(join(dataDir, 'secret.key'), onWarning ? { onWarning } : {}),
    ...(onWarning ? { onWarning } : {}),
  });
