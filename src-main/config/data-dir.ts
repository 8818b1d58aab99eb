import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER_NAME = 'IntegradorWinThorCiashop';

/**
 * Where the headless host keeps its settings, key file, local log (logs/headless.log) and embedded database:
 * the --data-dir flag, else WTC_DATA_DIR, else %ProgramData% on Windows (a service has no user profile
 * worth relying on) and ~/.config elsewhere.
 */
export const resolveDataDir = (flag?: string, env: NodeJS.ProcessEnv = process.env): string => {
  if (flag) return resolve(flag);
  if (env.WTC_DATA_DIR) return resolve(env.WTC_DATA_DIR);
  if (process.platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
};
