import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** How much of each local log file goes into a diagnostic package: its most recent part. */
export const LOG_TAIL_BYTES = 1024 * 1024;

/** The last `maxBytes` of a text file, starting at a whole line; the whole file when it is smaller. */
export const readTail = (file: string, maxBytes = LOG_TAIL_BYTES): string => {
  const size = statSync(file).size;
  const start = Math.max(0, size - maxBytes);
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  if (start === 0) return text;
  const firstLineEnd = text.indexOf('\n');
  return `[… início do arquivo omitido: ${start} bytes]\n${firstLineEnd === -1 ? text : text.slice(firstLineEnd + 1)}`;
};

/** The local log files (`desktop.log`, `headless.log` and their rotated `.1`), oldest rotation last. */
export const localLogFiles = (logsDir: string): string[] =>
  existsSync(logsDir)
    ? readdirSync(logsDir)
        .filter((name) => /\.log(\.\d+)?$/.test(name))
        .sort()
        .map((name) => join(logsDir, name))
    : [];
