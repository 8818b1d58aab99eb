import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../config/headless-settings';
import { AppError } from '../shared/app-error';
import { demoDatabasePath, prepareDemoDatabase } from '../winthor';
import { SqliteDb } from '../winthor/db/sqlite-db';
import { readLease } from '../winthor/repositories/engine-lease-repository';
import { createRuntime, type Runtime } from './create-runtime';
import { startDemo } from './demo';

/*
 * One engine per WinThor database (ADR 0310): engine runtimes of different data folders (the desktop app and
 * the service, a second machine "to test") on one embedded WinThor. A short lease: renewed every 250 ms,
 * expired after 2 s (the product: 30 s and 2 minutes).
 */
const LEASE = { renewMs: 250, expirySeconds: 2 };
/** Where the hand-over must not come from the expiry: a long one. */
const LONG_LEASE = { renewMs: 250, expirySeconds: 60, deadQuietSeconds: 1 };
const WORKER = join(import.meta.dirname, 'lease-runtime.test-support.ts');

let root: string;
let file: string;
const runtimes: Runtime[] = [];
const stops: Array<() => Promise<void>> = [];
let child: ChildProcess | undefined;

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('tempo esgotado esperando a condição');
    await new Promise((done) => setTimeout(done, 50));
  }
};

const leaseRow = async () => {
  const db = new SqliteDb({ file });
  try {
    return await readLease(db, LEASE.expirySeconds);
  } finally {
    await db.close();
  }
};

/** An engine runtime on its own data folder whose settings are `from`'s (same database, same store). */
const engineOn = (name: string, from?: string, demo = false, lease = LEASE): Runtime => {
  const dataDir = join(root, name);
  if (from) {
    openHeadlessSettings(dataDir); // creates the folder
    for (const part of ['settings.json', 'secret.key']) copyFileSync(join(from, part), join(dataDir, part));
  }
  const settings = openHeadlessSettings(dataDir);
  if (!from) settings.update({ database: { kind: 'embedded', embedded: { file } } });
  const runtime = createRuntime({ host: 'headless', demo, settings, dataDir, lease });
  runtimes.push(runtime);
  return runtime;
};

const refusalOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

const state = (runtime: Runtime) => runtime.status().engine.state;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wtc-lease-'));
});

afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  // The engines first: a run still talking to the demo store ends sooner with the store up.
  for (const runtime of runtimes.splice(0).reverse()) await runtime.close();
  for (const stop of stops.splice(0)) await stop();
  rmSync(root, { recursive: true, force: true });
}, 120_000);

describe('one engine per WinThor database (two engine runtimes on one embedded database)', () => {
  it('only the holder runs jobs; a clean stop hands over at once; "Assumir" takes it and the other says it lost it', async () => {
    const first = engineOn('servico', undefined, true, LONG_LEASE);
    file = demoDatabasePath(first.dataDir);
    await prepareDemoDatabase(file, { products: 20 });
    stops.push(await startDemo(first));
    // It holds the database and may run (the demo takes its own first steps; a catch-up run may fail).
    await until(() => first.lease?.standing().kind === 'held' && ['running', 'error'].includes(state(first)));
    expect((await leaseRow())?.dataDir).toBe(first.dataDir);

    const second = engineOn('desktop', first.dataDir, false, LONG_LEASE);
    await until(() => state(second) === 'standby');
    const { engine } = second.status();
    expect(engine.summary).toMatch(
      new RegExp(
        `^Em espera: outro integrador está ativo neste banco \\(host .+, pasta ${first.dataDir.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}, desde \\d\\d:\\d\\d\\)$`,
      ),
    );
    expect(engine.standby).toMatchObject({ dataDir: first.dataDir, lost: false });
    // Manual runs: refused on the waiting engine, saying why; started on the holder.
    expect(await refusalOf(second.engine.runNow())).toBe('engine_standby');
    expect(await refusalOf(second.engine.run({ branch: '1', job: 'stock' }, 'manual'))).toBe(
      'engine_standby',
    );
    const started = await first.engine.run({ branch: '1', job: 'stock' }, 'manual');
    expect(started.started.length + started.alreadyRunning.length).toBe(1);
    // Renewals keep it so.
    await new Promise((done) => setTimeout(done, LEASE.renewMs * 4));
    expect([state(first) === 'standby', state(second)]).toEqual([false, 'standby']);

    // A clean stop frees it as soon as its runs have stopped: the other takes over at its next renewal, well
    // before the expiry.
    await first.close();
    const stoppedAt = Date.now();
    runtimes.splice(runtimes.indexOf(first), 1);
    await stops.pop()!();
    const released = await leaseRow();
    // Free, or already taken by the second at a renewal since.
    expect(released?.instanceId === null || released?.dataDir === second.dataDir).toBe(true);
    await until(() => state(second) !== 'standby');
    expect(Date.now() - stoppedAt).toBeLessThan(LONG_LEASE.expirySeconds * 1000);
    expect((await leaseRow())?.dataDir).toBe(second.dataDir);

    // A third engine waits; "Assumir" takes the database from the second, which finds out and stops starting jobs.
    const third = engineOn('teste', second.dataDir, false, LONG_LEASE);
    await until(() => state(third) === 'standby');
    const after = await third.api.invoke('engine.takeOver', {});
    expect(after.engine.state).not.toBe('standby');
    expect((await leaseRow())?.dataDir).toBe(third.dataDir);
    await until(() => state(second) === 'standby');
    expect(second.status().engine.summary).toContain(`Em espera: outro integrador assumiu este banco (host `);
    expect(second.status().engine.standby).toMatchObject({ dataDir: third.dataDir, lost: true });
    expect(await refusalOf(second.engine.runNow())).toBe('engine_standby');
    // It does not take it back while the third renews.
    await new Promise((done) => setTimeout(done, LEASE.renewMs * 4));
    expect(state(second)).toBe('standby');
  }, 240_000);

  it('an engine killed (no release) is replaced once its lease expires, not before', async () => {
    file = join(root, 'winthor.sqlite');
    await prepareDemoDatabase(file, { products: 5 });
    child = spawn(process.execPath, ['--import', 'tsx', WORKER, join(root, 'morre'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = child.pid;
    await until(async () => (await leaseRow())?.pid === pid);

    const survivor = engineOn('sobrevive');
    await until(() => state(survivor) === 'standby');
    expect(survivor.status().engine.standby?.dataDir).toBe(join(root, 'morre'));

    child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((done) => child!.once('exit', done));
    child = undefined;
    // Nobody released it: it stays taken until the heartbeat is older than the expiry.
    expect((await leaseRow())?.pid).toBe(pid);
    await until(() => state(survivor) !== 'standby');
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE.expirySeconds * 1000 - 1000);
    const row = await leaseRow();
    expect([row?.pid, row?.dataDir]).toEqual([process.pid, survivor.dataDir]);
  }, 120_000);

  it('a restart after a crash takes its own folder’s lease at once, without waiting for the expiry', async () => {
    file = join(root, 'winthor.sqlite');
    await prepareDemoDatabase(file, { products: 5 });
    const dataDir = join(root, 'reinicia');
    child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = child.pid;
    await until(async () => (await leaseRow())?.pid === pid);
    child.kill('SIGKILL');
    await new Promise((done) => child!.once('exit', done));
    child = undefined;
    const restartedAt = Date.now();
    const restarted = engineOn('reinicia', undefined, false, LONG_LEASE);
    await until(() => restarted.lease?.standing().kind === 'held', 20_000);
    expect(Date.now() - restartedAt).toBeLessThan(LONG_LEASE.expirySeconds * 1000);
    expect((await leaseRow())?.pid).toBe(process.pid);
  }, 120_000);

  it('an engine held by the schema check frees the database for the other; let go, it waits for it', async () => {
    file = join(root, 'winthor.sqlite');
    await prepareDemoDatabase(file, { products: 5 });
    const held = engineOn('antigo', undefined, false, LONG_LEASE);
    await until(() => held.lease?.standing().kind === 'held');
    const other = engineOn('novo', held.dataDir, false, LONG_LEASE);
    await until(() => state(other) === 'standby');
    // The tables are behind for this engine's version: paused by the schema check, it lets the other run.
    held.engine.setSchemaHold('owner');
    held.engine.pause();
    await until(() => other.lease?.standing().kind === 'held');
    expect((await leaseRow())?.dataDir).toBe(other.dataDir);
    // Let go (the tables brought up to date): it claims again and waits, the other keeps running.
    held.engine.setSchemaHold(null);
    held.engine.resume();
    await until(() => state(held) === 'standby');
    expect(state(other)).not.toBe('standby');
  }, 120_000);
});
