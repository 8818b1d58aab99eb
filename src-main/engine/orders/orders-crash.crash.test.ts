import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../sandbox/store/faults';
import { startStoreSandbox, type StoreSandbox } from '../../sandbox/store/store-sandbox';
import { prepareDemoDatabase } from '../../winthor';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { goodOrder, newCpf, sellableProducts, TEST_MAPPINGS } from './order-harness.test-support';

/**
 * Crash safety (issue #10): the engine runs in its own process (crash-worker.test-support.ts) on a file
 * database and is killed with SIGKILL at random points while it imports 200 orders, at least 20 times, then
 * left to finish. Whatever the kills hit (a customer being created, a staging transaction, the acknowledgement),
 * the end is exactly 200 PCPEDCFV headers, 200 acknowledgements in the store, and no duplicate.
 */
const WORKER = fileURLToPath(new URL('./crash-worker.test-support.ts', import.meta.url));
const ORDERS = 200;
const KILLS = 20;

let dir: string | undefined;
let sandbox: StoreSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A started worker: its exit, and a promise for the moment the workers together logged `total` lines. */
interface Worker {
  child: ChildProcess;
  exited: Promise<number | null>;
  atTotal(total: number): Promise<void>;
}

/** Log lines of every worker so far (each a step of the import: an order staged, imported…). */
const progress = { lines: 0 };

/** Starts the worker; resolves once it has started its loop ("ready"). */
const startWorker = (config: string): Promise<Worker> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, config], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let output = '';
    const waiting: Array<{ at: number; done: () => void }> = [];
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      progress.lines += text.split('.').length - 1;
      for (const w of waiting.filter((w) => progress.lines >= w.at)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.done();
      }
      if (text.includes('ready'))
        resolve({
          child,
          exited,
          atTotal: (total) =>
            new Promise((done) => {
              if (progress.lines >= total) done();
              else waiting.push({ at: total, done });
            }),
        });
    });
    void exited.then((code) => reject(new Error(`worker saiu (${code}) antes de começar: ${output}`)));
  });

const crashLoop = async (faults: FaultRule[]) => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-crash-'));
  const dbFile = join(dir, 'winthor.sqlite');
  await prepareDemoDatabase(dbFile, { products: 60 });
  const db = new SqliteDb({ file: dbFile });
  const products = (await sellableProducts(db)).slice(0, 20);
  await db.close();
  sandbox = await startStoreSandbox({ budgetPerHour: 0, orders: 0 });
  // 200 orders of 60 customers: customers are found as often as they are created.
  const documents = Array.from({ length: 60 }, () => newCpf());
  for (let i = 0; i < ORDERS; i++) {
    const order = goodOrder([products[i % products.length]!, products[(i * 7 + 3) % products.length]!]);
    sandbox.injected.add({
      ...order,
      billing: { ...(order.billing as object), documentId: documents[i % documents.length] },
    });
  }
  sandbox.faults.add(...faults);
  const config = join(dir, 'worker.json');
  writeFileSync(
    config,
    JSON.stringify({
      dbFile,
      storeUrl: sandbox.url,
      token: sandbox.token,
      mappings: TEST_MAPPINGS,
      expected: ORDERS,
    }),
  );
  let kills = 0;
  const acknowledgedCount = () => sandbox!.injected.list().filter((o) => o.statusProcessed).length;
  // 20 kill points spread over the whole import. Completing it takes at least 400 log lines (each order is
  // "gravado" then "importado" before any acknowledgement), so points in 1..380 all fall before the end —
  // inside the staging, the customer creation, the reading back, the acknowledgement — whatever the speed.
  progress.lines = 0;
  const points = Array.from({ length: KILLS }, () => 1 + Math.floor(Math.random() * 380)).sort(
    (a, b) => a - b,
  );
  for (const point of points) {
    const { child, exited, atTotal } = await startWorker(config);
    const outcome = await Promise.race([
      exited.then(() => 'exited' as const),
      atTotal(point).then(
        // 0–20 ms more, so kills land inside transactions and store calls too.
        () => new Promise<'kill'>((resolve) => setTimeout(() => resolve('kill'), Math.random() * 20)),
      ),
    ]);
    if (outcome === 'exited') break;
    child.kill('SIGKILL');
    await exited;
    // Counted only while the import was not complete: every kill lands in the middle of the work.
    if (acknowledgedCount() < ORDERS) kills += 1;
  }
  // Left to finish.
  const { exited } = await startWorker(config);
  expect(await exited).toBe(0);

  const check = new SqliteDb({ file: dbFile });
  try {
    const count = async (sql: string) => Number((await check.queryOne(sql))!.N);
    expect(await count(`SELECT COUNT(*) AS N FROM PCPEDCFV`)).toBe(ORDERS);
    expect(await count(`SELECT COUNT(DISTINCT PCPEDCFV.NUMPEDCLI) AS N FROM PCPEDCFV`)).toBe(ORDERS);
    expect(await count(`SELECT COUNT(*) AS N FROM PCPEDC`)).toBe(ORDERS);
    expect(
      await check.query(
        `SELECT PCCLIENT.CGCENT, COUNT(*) AS N FROM PCCLIENT GROUP BY PCCLIENT.CGCENT HAVING COUNT(*) > 1`,
      ),
    ).toEqual([]);
    const items = await count(`SELECT COUNT(*) AS N FROM PCPEDIFV`);
    expect(items).toBe(ORDERS * 2);
  } finally {
    await check.close();
  }
  const acknowledged = sandbox.injected.list().filter((o) => o.statusProcessed);
  expect(acknowledged).toHaveLength(ORDERS);
  return { kills };
};

describe('crash safety: SIGKILL at random points during the import of 200 orders', () => {
  it('killed at least 20 times, restarted each time: 200 headers, 200 acknowledgements, no duplicate', async () => {
    const { kills } = await crashLoop([]);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
  });

  it('the same with the store failing: 10% 5xx, 429 with Retry-After, resets, truncated JSON, 2 s latency', async () => {
    const { kills } = await crashLoop([
      { type: 'latency', ms: 2000, rate: 0.05 },
      { type: 'server-error', rate: 0.1 },
      { type: 'rate-limit', rate: 0.05, retryAfterSeconds: 1 },
      { type: 'reset', rate: 0.04 },
      { type: 'reset', rate: 0.04, after: true },
      { type: 'truncated-json', rate: 0.05 },
    ]);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
  });
});
