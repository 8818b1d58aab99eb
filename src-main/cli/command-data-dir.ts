import { resolve } from 'node:path';
import { resolveDataDir } from '../config/data-dir';
import type { GlobalOptions } from './output';

/** The data folder of a command: --data-dir, else `.demo/` for --demo (unless WTC_DATA_DIR is set), else the system one. */
export const commandDataDir = (globals: GlobalOptions, demo: boolean): string =>
  globals.dataDir
    ? resolveDataDir(globals.dataDir)
    : demo && !process.env.WTC_DATA_DIR
      ? resolve('.demo')
      : resolveDataDir();
