import { StoreClientRegistry } from '../ciashop/store-registry';
import { Branch, defaultSettings, type ScheduleJob, type Settings } from '../contract';
import { createEnginePorts } from '../runtime/engine-ports';
import {
  startStoreSandbox,
  type StoreSandbox,
  type StoreSandboxOptions,
} from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import type { SqliteDb } from '../winthor/db/sqlite-db';
import { DatabaseService } from '../winthor/database-service';
import { getRun, type RunRecord } from '../winthor';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { EngineController } from './engine-controller';
import { CATALOGUE_JOBS } from './jobs/catalogue-jobs';

/**
 * The whole catalogue loop for integration tests: the embedded WinThor (seeded, integration schema
 * installed), the store sandbox on a free port, the real ports and the engine — no scheduler (the test
 * runs each job), no real waiting for backoff or Retry-After (a skipping clock).
 */
export interface CatalogueHarness {
  db: SqliteDb;
  sandbox: StoreSandbox;
  settings: Settings;
  engine: EngineController;
  /** Runs one job for branch 1 to its end and returns its record. */
  run(job: ScheduleJob, branch?: string): Promise<RunRecord>;
  /** Store calls made since the last reset. */
  calls(): number;
  close(): Promise<void>;
}

export const startCatalogueHarness = async (
  options: { products?: number; sandbox?: StoreSandboxOptions; branches?: string[] } = {},
): Promise<CatalogueHarness> => {
  const db = await createTestWinthor({ products: options.products ?? 120, customers: 5 });
  await install(db);
  const sandbox = await startStoreSandbox({ budgetPerHour: 0, ...options.sandbox });
  const settings: Settings = {
    ...defaultSettings(),
    database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: ':memory:' } },
    branches: (options.branches ?? ['1']).map((code) =>
      Branch.parse({
        code,
        name: `Filial ${code}`,
        store: { url: sandbox.url, token: sandbox.token },
        stock: { formula: 'gerencial', warehouseErpId: code },
        price: { tableErpId: code },
      }),
    ),
  };
  const database = new DatabaseService(() => settings, { open: async () => db });
  const stores = new StoreClientRegistry(() => settings, { clock: new SkippingClock() });
  const ports = createEnginePorts({
    settings: () => settings,
    database,
    stores,
    jobs: Object.keys(CATALOGUE_JOBS) as ScheduleJob[],
  });
  // Default schedules (they say which branches read which queue rows), but no timers: the test runs each job.
  const engine = new EngineController({ ports, jobs: CATALOGUE_JOBS, scheduler: false });
  engine.start();
  const run = async (job: ScheduleJob, branch = '1'): Promise<RunRecord> => {
    const result = await engine.run({ branch, job }, 'manual');
    const ticket = result.started[0] ?? result.alreadyRunning[0];
    if (!ticket) throw new Error(`não iniciou: ${JSON.stringify(result.refused)}`);
    await engine.runner?.activeRun(branch, job)?.finished;
    const record = await getRun(db, ticket.runId);
    if (!record) throw new Error(`execução ${ticket.runId} não gravada`);
    return record;
  };
  return {
    db,
    sandbox,
    settings,
    engine,
    run,
    calls: () => sandbox.totalCalls(),
    close: async () => {
      await engine.stop();
      stores.close();
      await sandbox.stop();
      await db.close();
    },
  };
};
