import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AlertState, AlertStateStore } from '../engine/alerts/alert-state';

/**
 * The alerts' memory in the data folder (alerts-state.json): which jobs are failing since when, what was
 * told, the hour's mail count. Written whole to a temporary file and renamed, so a crash never leaves half
 * a file; a file that cannot be read counts as none (the worst case is one alert told again).
 */
export const alertStateFile = (dataDir: string): AlertStateStore => {
  const file = join(dataDir, 'alerts-state.json');
  return {
    load: () => {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as AlertState;
      } catch {
        return null;
      }
    },
    save: (state) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(state));
      renameSync(`${file}.tmp`, file);
    },
  };
};
