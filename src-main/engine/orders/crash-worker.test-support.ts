/**
 * The engine as its own process, for the crash-safety test (orders-crash.crash.test.ts): started with
 * `node --import tsx crash-worker.test-support.ts <config.json>`, it runs the orders job and WinThor's
 * importer simulator in a loop on a file database until every order is imported and acknowledged, then exits
 * 0. The test kills it with SIGKILL at random points and starts it again.
 */
import { readFileSync } from 'node:fs';
import { StoreClientRegistry } from '../../ciashop/store-registry';
import { Branch, defaultSettings, type BranchMappings, type Settings } from '../../contract';
import { createEnginePorts } from '../../runtime/engine-ports';
import { OrderImporterSimulator } from '../../winthor';
import { DatabaseService } from '../../winthor/database-service';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { EngineController } from '../engine-controller';
import { ORDER_JOBS } from './order-jobs';

interface WorkerConfig {
  dbFile: string;
  storeUrl: string;
  token: string;
  mappings: BranchMappings;
  expected: number;
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WorkerConfig;
const db = new SqliteDb({ file: config.dbFile });
const settings: Settings = {
  ...defaultSettings(),
  database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: config.dbFile } },
  branches: [
    Branch.parse({
      code: '1',
      name: 'Filial 1',
      store: { url: config.storeUrl, token: config.token },
      schedules: [],
      mappings: config.mappings,
    }),
  ],
};
const database = new DatabaseService(() => settings, { open: async () => db });
// Short backoff and breaker: the faults test drives many failures, and the test's time is bounded.
const stores = new StoreClientRegistry(() => settings, {
  retry: { baseDelayMs: 50, capDelayMs: 400 },
  breaker: { openMs: 300, maxOpenMs: 1000 },
});
const engine = new EngineController({
  ports: createEnginePorts({ settings: () => settings, database, stores }),
  jobs: ORDER_JOBS,
  // One dot per log line (an order recorded, a customer created, an order staged, imported, acknowledged…):
  // the test picks its kill points in this stream, whatever the machine's speed.
  onLog: () => void process.stdout.write('.'),
});
engine.start();
const simulator = new OrderImporterSimulator(db, { stepMs: 3_600_000 });

const done = async (): Promise<boolean> =>
  Number(
    (
      await db.queryOne(
        `SELECT COUNT(*) AS N FROM WTC_STORE_ORDER WHERE WTC_STORE_ORDER.STATE = 'imported' AND WTC_STORE_ORDER.ACKNOWLEDGED_AT IS NOT NULL`,
      )
    )?.N ?? 0,
  ) >= config.expected;

process.stdout.write('ready\n');
const deadline = Date.now() + 120_000;
while (Date.now() < deadline) {
  const result = await engine.run({ branch: '1', job: 'orders' }, 'manual');
  const status = result.started[0] ? await engine.runner?.activeRun('1', 'orders')?.finished : 'ok';
  if (status === 'failed') await new Promise((resolve) => setTimeout(resolve, 100));
  await simulator.advance(new Date());
  if (await done()) {
    process.stdout.write('done\n');
    await engine.stop();
    stores.close();
    await db.close();
    process.exit(0);
  }
}
process.exit(3);
