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
 * UI (so the two cannot drift), closed when `work` ends. One-shot: the scheduler is not started, so only
 * the runs a command asks for (`sync`) ever start, and a service on the same database keeps its runs.
 */
export const withCommandRuntime = async <T>(
  /**
   * `engine`: what a command needs of the sync engine. Default 'none': a command that checks or installs
   * must not start the scheduler beside a running service (it would fire overdue schedules and mark the
   * service's runs as interrupted). 'one-shot': the engine runs what it is asked to, no scheduler.
   */
  options: {
    dataDir: string;
    settings: CommandSettings;
    engine?: 'none' | 'one-shot';
    /** The folder is a demo's (`diagnostics --demo`); default: the demo settings are. */
    demo?: boolean;
  },
  work: (runtime: Runtime) => Promise<T>,
): Promise<T> => {
  const settings = await openSettings(options.dataDir, options.settings);
  const runtime = createRuntime({
    host: 'headless',
    demo: options.demo ?? options.settings === 'demo',
    settings,
    dataDir: options.dataDir,
    engine: options.engine === 'one-shot',
    scheduler: false,
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
};
