import { resolve } from 'node:path';
import { resolveDataDir } from '../config/data-dir';
import type { GlobalOptions } from './output';

/**
 * The data folder of a command: --data-dir, else `.demo/` for --demo, else the system one (WTC_DATA_DIR or
 * the default). The demo rewrites its settings (embedded database, branches on the sandbox), so it never
 * runs in the installation's folder unless --data-dir names it explicitly.
 */
export const commandDataDir = (globals: GlobalOptions, demo: boolean): string =>
  globals.dataDir ? resolveDataDir(globals.dataDir) : demo ? resolve('.demo') : resolveDataDir();
