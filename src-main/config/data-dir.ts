import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';

export const APP_FOLDER_NAME = 'IntegradorWinThorCiashop';

/**
 * The machine's data folder — settings, key file, local logs (logs/), demo — for both hosts, the desktop app
 * and the service (ADR 0308): the --data-dir flag, else WTC_DATA_DIR, else %ProgramData% on Windows (shared
 * by every account on the machine, the service's included) and ~/.config elsewhere.
 */
export const resolveDataDir = (
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string => {
  if (flag) return resolve(flag);
  if (env.WTC_DATA_DIR) return resolve(env.WTC_DATA_DIR);
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
};
