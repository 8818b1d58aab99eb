import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';
import { AppError } from '../shared/app-error';

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

const ACCESS_DENIED = new Set(['EACCES', 'EPERM']);

/**
 * A file of the data folder this Windows account may not read or write (the folder was created by another
 * account: the service's, another user's): a pt-BR message with the grant an administrator runs. Any other
 * error is returned as it was.
 */
export const explainAccessDenied = (
  error: unknown,
  file: string,
  dataDir: string,
  account: string,
): unknown => {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (!code || !ACCESS_DENIED.has(code)) return error;
  return new AppError(
    'data_folder_access',
    `Sem permissão para usar ${file} com a conta ${account} (${code}).`,
    {
      fix: `A pasta de dados foi criada por outra conta do Windows. Num prompt de administrador: icacls "${dataDir}" /grant "${account}:(OI)(CI)M" /T`,
    },
  );
};
