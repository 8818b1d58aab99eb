import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type LocalLog = (level: LogLevel, message: string) => void;

export interface LocalLogOptions {
  /** Folder of the log files, created on the first line. */
  dir: string;
  /** `headless.log`, `desktop.log`; older files get `.1`, `.2`, … */
  fileName: string;
  /** Largest size of one file in bytes. Default 5 MiB. */
  maxBytes?: number;
  /** Older files kept beside the current one. Default 1 (the folder then holds at most 2 × maxBytes). */
  keepFiles?: number;
  now?: () => Date;
}

export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
const CUT_MARK = ' …[cortado]\n';

/** A line that alone exceeds the file size is cut (the cap holds whatever is logged). */
const fitLine = (line: string, maxBytes: number): string => {
  if (Buffer.byteLength(line) <= maxBytes) return line;
  const room = maxBytes - Buffer.byteLength(CUT_MARK);
  let cut = line.slice(0, Math.max(0, room));
  for (let excess = Buffer.byteLength(cut) - room; excess > 0; excess = Buffer.byteLength(cut) - room)
    cut = cut.slice(0, cut.length - Math.ceil(excess / 3));
  return `${cut}${CUT_MARK}`;
};

/**
 * The host's own local log (ADR 0011): start-up, port taken, settings warnings, unexpected errors — what is
 * needed when the database itself is down. One line per message, `<ISO time> [level] message`. A file never
 * grows past `maxBytes`: before a line would pass it, the file becomes `<name>.1` (the older ones shift to
 * `.2` …, the oldest beyond `keepFiles` is deleted). Writing never throws: the log must not take the host
 * down.
 */
export const createLocalLog = (options: LocalLogOptions): LocalLog => {
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keepFiles = options.keepFiles ?? 1;
  const now = options.now ?? (() => new Date());
  const file = join(options.dir, options.fileName);
  let size: number | undefined;

  const rotate = () => {
    rmSync(`${file}.${keepFiles}`, { force: true });
    for (let n = keepFiles - 1; n >= 1; n -= 1)
      if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    if (keepFiles > 0) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    size = 0;
  };

  return (level, message) => {
    const line = fitLine(`${now().toISOString()} [${level}] ${message}\n`, maxBytes);
    const bytes = Buffer.byteLength(line);
    try {
      if (size === undefined) {
        mkdirSync(options.dir, { recursive: true });
        size = existsSync(file) ? statSync(file).size : 0;
      }
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line);
      size += bytes;
    } catch {
      // Never throws; the size is read again on the next line.
      size = undefined;
    }
  };
};
