import { openHeadlessSettings } from '../config/headless-settings';
import { openMemorySettings } from '../config/memory-settings';
import type { SettingsService } from '../config/settings-service';
import { createRuntime, type Runtime } from './create-runtime';
import { openDemoSettings } from './demo/demo-target';

/**
 * The settings a command acts on: the data folder's settings file, the embedded demo (in memory, see
 * demo-target.ts), or none at all (the defaults, in memory: `store test`, a script written without
 * connecting).
 */
export type CommandSettings = 'data-dir' | 'demo' | 'none';

const openSettings = async (dataDir: string, source: CommandSettings): Promise<SettingsService> => {
  if (source === 'demo') return openDemoSettings(dataDir);
  if (source === 'data-dir') return openHeadlessSettings(dataDir);
  return openMemorySettings();
};

/**
 * A runtime for one command-line command: the same dispatcher and handlers as the desktop and the browser
 * UI (so the two cannot drift), closed when `work` ends.
 */
export const withCommandRuntime = async <T>(
  options: { dataDir: string; settings: CommandSettings },
  work: (runtime: Runtime) => Promise<T>,
): Promise<T> => {
  const settings = await openSettings(options.dataDir, options.settings);
  const runtime = createRuntime({
    host: 'headless',
    demo: options.settings === 'demo',
    settings,
    dataDir: options.dataDir,
    // One-shot: no scheduler, and runs a service left "running" on the same database stay its own.
    scheduler: false,
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
};
