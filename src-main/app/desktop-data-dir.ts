import { resolve } from 'node:path';
import { resolveDataDir } from '../config/data-dir';

/**
 * The desktop app's data folder (ADR 0308): the machine's, the same as the service's
 * (%ProgramData%\IntegradorWinThorCiashop), or WTC_DATA_DIR. WTC_USER_DATA_DIR — another profile, for tests
 * and side-by-side copies — keeps its data inside that profile, so such a copy never touches the
 * installation's.
 */
export const desktopDataDir = (env: NodeJS.ProcessEnv = process.env): string => {
  if (env.WTC_DATA_DIR) return resolve(env.WTC_DATA_DIR);
  if (env.WTC_USER_DATA_DIR) return resolve(env.WTC_USER_DATA_DIR);
  return resolveDataDir(undefined, env);
};
