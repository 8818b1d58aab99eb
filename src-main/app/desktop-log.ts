import { join } from 'node:path';
import { createLocalLog, type LocalLog } from '../runtime/local-log';

export type DesktopLog = LocalLog;

export const DESKTOP_LOG_FILE = 'desktop.log';

/**
 * The desktop host's own log (start-up, port taken, refused IPC): <data folder>/logs/desktop.log, beside
 * the service's headless.log (ADR 0308), rotated and size-capped by the local log both hosts share
 * (runtime/local-log.ts, ADR 0011), and echoed to the console. The engine's structured logs go to the
 * database.
 */
export const createDesktopLog = (dataDir: string): DesktopLog => {
  const file = createLocalLog({ dir: join(dataDir, 'logs'), fileName: DESKTOP_LOG_FILE });
  return (level, message) => {
    (level === 'error' ? process.stderr : process.stdout).write(
      `${new Date().toISOString()} [${level}] ${message}\n`,
    );
    file(level, message);
  };
};
