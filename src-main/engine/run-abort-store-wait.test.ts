import { afterEach, describe, expect, it } from 'vitest';
import { StoreClientRegistry } from '../ciashop/store-registry';
import { Branch, defaultSettings, type ScheduleJob, type Settings } from '../contract';
import { createEnginePorts } from '../runtime/engine-ports';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import type { Clock } from '../shared/clock';
import type { SqliteDb } from '../winthor/db/sqlite-db';
import { DatabaseService } from '../winthor/database-service';
import { getRun } from '../winthor';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { EngineController } from './engine-controller';
import { CATALOGUE_JOBS } from './jobs/catalogue-jobs';

/*
 * A run aborted (pause, standby, a stale lease: ADR 0311) while its store call waits out a 429's Retry-After
 * (up to 60 s × 4 attempts): the wait ends at once, the run is cancelled, nothing more is sent. The store
 * clock's sleeps never end by themselves here, so only the abort can end the wait.
 */
const never: Clock = { now: () => Date.now(), sleep: () => new Promise<void>(() => {}) };

let sandbox: StoreSandbox;
let db: SqliteDb;
let engine: EngineController;
let stores: StoreClientRegistry;

afterEach(async () => {
  await engine.stop();
  stores.close();
  await sandbox.stop();
  await db.close();
});

describe("a run's abort cuts the store's Retry-After wait (sandbox 429)", () => {
  it('standby while a call waits a 30 s Retry-After: the run ends cancelled at once, no further call', async () => {
    db = await createTestWinthor({ products: 5, customers: 1 });
    await install(db);
    sandbox = await startStoreSandbox({ budgetPerHour: 0 });
    sandbox.faults.add({ type: 'rate-limit', retryAfterSeconds: 30 });
    const settings: Settings = {
      ...defaultSettings(),
      database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: ':memory:' } },
      branches: [
        Branch.parse({
          code: '1',
          name: 'Filial 1',
          store: { url: sandbox.url, token: sandbox.token },
          stock: { formula: 'gerencial', warehouseErpId: '1' },
          price: { tableErpId: '1' },
        }),
      ],
    };
    stores = new StoreClientRegistry(() => settings, { clock: never });
    const ports = createEnginePorts({
      settings: () => settings,
      database: new DatabaseService(() => settings, { open: async () => db }),
      stores,
      jobs: Object.keys(CATALOGUE_JOBS) as ScheduleJob[],
    });
    engine = new EngineController({ ports, jobs: CATALOGUE_JOBS, scheduler: false });
    engine.start();
    const result = await engine.run({ branch: '1', job: 'categories' }, 'manual');
    const ticket = result.started[0]!;
    const end = Date.now() + 10_000;
    while (sandbox.totalCalls() === 0 && Date.now() < end) await new Promise((done) => setTimeout(done, 20));
    expect(sandbox.totalCalls()).toBe(1); // answered 429, Retry-After 30 s: the call waits
    const calls = sandbox.totalCalls();

    const startedAt = Date.now();
    engine.setLease({ kind: 'stale', seconds: 60 }); // standby: the runner aborts the run
    await engine.runner?.activeRun('1', 'categories')?.finished;
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(await getRun(db, ticket.runId)).toMatchObject({ status: 'cancelled' });
    expect(sandbox.totalCalls()).toBe(calls);
  }, 20_000);
});
