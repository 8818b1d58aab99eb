import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found from this file whether it runs from source or from dist/. */
export const packageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
};

/** The built UI: WTC_UI_DIR, else dist/renderer under the package. */
export const resolveUiDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.WTC_UI_DIR ?? join(packageRoot(), 'dist', 'renderer');
