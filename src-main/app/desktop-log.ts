import { join } from 'node:path';
import { createLocalLog, type LocalLog } from '../runtime/local-log';

export type DesktopLog = LocalLog;

export const DESKTOP_LOG_FILE = 'desktop.log';

/**
 * The desktop host's own log (start-up, port taken, refused IPC): <userData>/logs/desktop.log, rotated and
 * size-capped by the local log both hosts share (runtime/local-log.ts, ADR 0011), and echoed to the
 * console. The engine's structured logs go to the database.
 */
export const createDesktopLog = (userDataDir: string): DesktopLog => {
  const file = createLocalLog({ dir: join(userDataDir, 'logs'), fileName: DESKTOP_LOG_FILE });
  return (level, message) => {
    (level === 'error' ? process.stderr : process.stdout).write(
      `${new Date().toISOString()} [${level}] ${message}\n`,
    );
    file(level, message);
  };
};
