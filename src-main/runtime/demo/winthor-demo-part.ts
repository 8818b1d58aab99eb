import { demoDatabasePath, prepareDemoDatabase } from '../../winthor/demo/demo-database';
import { OrderImporterSimulator } from '../../winthor/demo/order-importer-simulator';
import type { Runtime } from '../create-runtime';
import type { DemoPart } from './demo-part';
import { demoDatabasePatch, isOnDemoDatabase } from './demo-settings';

export interface WinthorDemoOptions {
  /** How often the simulated WinThor importer runs. */
  intervalMs?: number;
  /** Time an order takes from L to M, and from M to F. */
  stepMs?: number;
}

/**
 * `serve --demo`: points the settings at the embedded WinThor in the data folder, seeds it when empty,
 * installs the integration schema, configures the demo branches when none is set, and runs the
 * order-importer simulator on an interval.
 */
export const winthorDemoPart =
  (options: WinthorDemoOptions = {}): DemoPart =>
  async (runtime: Runtime) => {
    const file = demoDatabasePath(runtime.dataDir);
    await prepareDemoDatabase(file);
    runtime.settings.update(demoDatabasePatch(runtime.settings.get(), file));
    // A simulator per tick, and only while the settings still point at the demo file: it writes PCPEDC, so
    // it must never run against a real WinThor that someone configured while the demo was up.
    const stepMs = options.stepMs ?? 30_000;
    let running = false;
    const timer = setInterval(() => {
      if (running || !isOnDemoDatabase(runtime.settings.get(), file)) return;
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
