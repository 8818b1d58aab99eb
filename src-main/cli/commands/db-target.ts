import type { Command } from 'commander';
import type { Settings } from '../../contract';
import type { Runtime } from '../../runtime/create-runtime';
import { withCommandRuntime } from '../../runtime/command-runtime';
import { commandDataDir } from '../command-data-dir';
import type { GlobalOptions } from '../output';

export interface DbOptions {
  demo?: boolean;
  dialect?: string;
  grantTo?: string;
  dryRun?: boolean;
  products?: string;
  reset?: boolean;
}

/** The database a command acts on, in words for its report. */
export const describeTarget = (settings: Settings, demo: boolean): string => {
  const { database } = settings;
  if (demo) return `banco de demonstração ${database.embedded.file}`;
  if (database.kind === 'embedded') return `banco embutido ${database.embedded.file}`;
  return `Oracle ${database.oracle.connectString || '(string de conexão não informada)'}`;
};

/**
 * Runs a `db` command through the API, on the configured database or, with --demo, on the embedded demo
 * (created and seeded if missing; the settings file is not touched).
 */
export const withDbRuntime = async <T>(
  command: Command,
  options: DbOptions,
  work: (runtime: Runtime, where: string, globals: GlobalOptions) => Promise<T>,
): Promise<T> => {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const demo = options.demo ?? false;
  return withCommandRuntime(
    { dataDir: commandDataDir(globals, demo), settings: demo ? 'demo' : 'data-dir' },
    (runtime) => work(runtime, describeTarget(runtime.settings.get(), demo), globals),
  );
};
