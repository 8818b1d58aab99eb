import type { SettingsService } from '../config/settings-service';
import type { FirstSyncHold } from '../engine/setup/first-sync-hold';
import type { DatabaseService } from '../winthor/database-service';
import { firstSyncHold } from './first-sync-hold';
import { setupMarksFile, type SetupMarksStore } from './setup-marks-file';

/** The first-run guide's marks and the first-sync hold over them, as the runtime wires them (ADR 0406). */
export interface RuntimeFirstSync {
  marks: SetupMarksStore;
  firstSync: FirstSyncHold;
}

/** `changed`: a mark that may release a held first sync changed (the guide measures, the engine asks again). */
export const createRuntimeFirstSync = (options: {
  dataDir: string;
  settings: SettingsService;
  database: DatabaseService;
  changed: () => void;
}): RuntimeFirstSync => {
  const marks = setupMarksFile(options.dataDir);
  const firstSync = firstSyncHold({
    settings: () => options.settings.get(),
    marks,
    read: (work) => options.database.use(work),
    changed: () => options.changed(),
  });
  return { marks, firstSync };
};
