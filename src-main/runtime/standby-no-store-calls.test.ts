import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../config/headless-settings';
import { Branch } from '../contract';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { prepareDemoDatabase } from '../winthor';
import { createRuntime, type Runtime } from './create-runtime';
import { storeSandboxDemoPart } from './demo/store-sandbox-demo-part';

/*
 * Issue #12: an integrator in standby (another engine holds the WinThor database, ADR 0310) made a store call
 * at start (x-apilimit-remaining in its log): a call that changes nothing, on the budget the holder spends.
 * Two engine runtimes on one embedded WinThor, each branch on its own store sandbox, so the sandbox of the
 * one in standby counts what it alone called. The one in standby is a demo: the demo takes step 4 of the
 * guide ("Testar conexão", ADR 0403) by itself at start — the call of #12.
 */
const LEASE = { renewMs: 250, expirySeconds: 60 };

let root: string;
let file: string;
const runtimes: Runtime[] = [];
const sandboxes: StoreSandbox[] = [];
const stops: Array<() => Promise<void>> = [];

const until = async (check: () => boolean, timeoutMs = 30_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('tempo esgotado esperando a condição');
    await new Promise((done) => setTimeout(done, 50));
  }
};

const engineOn = (name: string, store: { url: string; token: string }): Runtime => {
  const dataDir = join(root, name);
  const settings = openHeadlessSettings(dataDir);
  settings.update({
    database: { kind: 'embedded', embedded: { file } },
    branches: [Branch.parse({ code: '1', name: 'Matriz', store: { url: store.url, token: store.token } })],
  });
  const runtime = createRuntime({ host: 'headless', settings, dataDir, lease: LEASE });
  runtimes.push(runtime);
  return runtime;
};

const state = (runtime: Runtime) => runtime.status().engine.state;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'wtc-standby-calls-'));
  file = join(root, 'winthor.sqlite');
  await prepareDemoDatabase(file, { products: 10 });
});

afterEach(async () => {
  for (const runtime of runtimes.splice(0).reverse()) await runtime.close();
  for (const stop of stops.splice(0)) await stop();
  for (const sandbox of sandboxes.splice(0)) await sandbox.stop();
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('an engine in standby calls no store', () => {
  it('makes 0 store calls: not at start (the demo\'s own "Testar conexão"), not when the guide measures, not for the Painel', async () => {
    const holderStore = await startStoreSandbox({ orders: 3, budgetPerHour: 1000 });
    sandboxes.push(holderStore);
    const holder = engineOn('servico', holderStore);
    await until(() => holder.lease?.standing().kind === 'held');
    await holder.engine.run({ branch: '1', job: 'categories' }, 'manual');
    // Finished: the guide of the other engine counts branch 1's store as tested (synced, ADR 0404), so its
    // measure reaches the steps that read the store's order codes.
    let finished = false;
    await until(() => {
      void holder.api.invoke('sync.overview', {}).then((overview) => {
        const run = overview.branches[0]?.jobs.find((job) => job.job === 'categories')?.lastRun;
        finished = run?.status === 'ok' || run?.status === 'partial';
      });
      return finished;
    });

    // A demo started on the same database: its own store sandbox, branch 1 pointed at it.
    const standby = engineOn('demo', { url: '', token: '' });
    stops.push(await storeSandboxDemoPart(standby));
    await until(() => state(standby) === 'standby');
    const url = standby.settings.get().branches[0]!.store.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    // The guide measures at start and on demand (the Painel asks), the Painel reads the store's state.
    await standby.setup.measure();
    await standby.api.invoke('setup.status', {});
    await standby.api.invoke('store.state', {});
    await standby.api.invoke('sync.overview', {});
    await new Promise((done) => setTimeout(done, 1000));

    expect(state(standby)).toBe('standby');
    const inspect = (await (await fetch(`${url}/__sandbox/inspect`)).json()) as {
      totalCalls: number;
      counts: Record<string, number>;
    };
    expect(inspect.counts).toEqual({});
    expect(inspect.totalCalls).toBe(0);
    // The holder's store still answers its own engine: only the one in standby keeps quiet.
    expect(holderStore.totalCalls()).toBeGreaterThan(0);
  }, 60_000);
});
