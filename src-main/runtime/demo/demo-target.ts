import { openMemorySettings } from '../../config/memory-settings';
import type { SettingsService } from '../../config/settings-service';
import { demoDatabasePath, prepareDemoDatabase } from '../../winthor/demo/demo-database';
import { demoDatabasePatch } from './demo-settings';

/**
 * The settings a command-line `--demo` acts on: the embedded demo WinThor in `dataDir` (created and seeded
 * when missing; the integration's objects left as they are, for `db install` to show) with the demo
 * branches. Kept in memory: the data folder's settings file is neither read nor changed.
 */
export const openDemoSettings = async (dataDir: string): Promise<SettingsService> => {
  const file = demoDatabasePath(dataDir);
  await prepareDemoDatabase(file, { installSchema: false });
  const settings = openMemorySettings();
  settings.update(demoDatabasePatch(settings.get(), file));
  return settings;
};
