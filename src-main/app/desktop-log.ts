import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type DesktopLog = (level: 'info' | 'warn' | 'error', message: string) => void;

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The desktop host's own log (start-up, port taken, refused IPC): <userData>/logs/desktop.log, one old
 * file kept as desktop.log.1. The engine's structured logs go to the database (engine issues).
 */
export const createDesktopLog = (userDataDir: string): DesktopLog => {
  const dir = join(userDataDir, 'logs');
  const file = join(dir, 'desktop.log');
  return (level, message) => {
    const line = `${new Date().toISOString()} [${level}] ${message}\n`;
    (level === 'error' ? process.stderr : process.stdout).write(line);
    try {
      mkdirSync(dir, { recursive: true });
      if (existsSync(file) && statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line);
    } catch {
      // The log must never take the app down.
    }
  };
};
