import { Branch } from '../../contract';
import type { Runtime } from '../../runtime/create-runtime';
import type { DemoPart } from '../../runtime/demo';
import { demoDatabasePath, prepareDemoDatabase } from './demo-database';
import { OrderImporterSimulator } from './order-importer-simulator';
import { DEMO_BRANCHES } from './seed';

export interface WinthorDemoOptions {
  /** How often the simulated WinThor importer runs. */
  intervalMs?: number;
  /** Time an order takes from L to M, and from M to F. */
  stepMs?: number;
}

/**
 * `serve --demo`: points the settings at the embedded WinThor in the data folder, seeds it when empty,
 * installs the integration schema, configures the two demo branches when none is set, and runs the
 * order-importer simulator on an interval.
 */
export const winthorDemoPart =
  (options: WinthorDemoOptions = {}): DemoPart =>
  async (runtime: Runtime) => {
    const file = demoDatabasePath(runtime.dataDir);
    await prepareDemoDatabase(file);
    const current = runtime.settings.get();
    runtime.settings.update({
      database: { ...current.database, kind: 'embedded', embedded: { file } },
      ...(current.branches.length === 0
        ? { branches: DEMO_BRANCHES.map((b) => Branch.parse({ code: b.code, name: b.name })) }
        : {}),
    });
    // A simulator per tick, and only while the settings still point at the demo file: it writes PCPEDC, so
    // it must never run against a real WinThor that someone configured while the demo was up.
    const stepMs = options.stepMs ?? 30_000;
    const onDemoDatabase = () => {
      const database = runtime.settings.get().database;
      return database.kind === 'embedded' && database.embedded.file === file;
    };
    let running = false;
    const timer = setInterval(() => {
      if (running || !onDemoDatabase()) return;
      running = true;
      runtime.database
        .use((db) => new OrderImporterSimulator(db, { stepMs }).advance())
        .catch(() => {})
        .finally(() => {
          running = false;
        });
    }, options.intervalMs ?? 5_000);
    timer.unref?.();
    return async () => {
      clearInterval(timer);
    };
  };
