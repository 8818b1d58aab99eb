import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../contract';
import { prepareDemoDatabase } from '../winthor';
import { DatabaseService } from '../winthor/database-service';
import { readLease, type LeaseClaim } from '../winthor/repositories/engine-lease-repository';
import { databaseLeasePort, leaseDatabase } from './engine-lease-port';

// The lease's port on the embedded WinThor (ADR 0310–0313): its own connection, a restart after a crash, and
// a release that creates nothing.

let dir: string;
let file: string;
const services: DatabaseService[] = [];

const settingsOf = (path: string): (() => Settings) => {
  const settings: Settings = {
    ...defaultSettings(),
    database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: path } },
  };
  return () => settings;
};

const me = (instanceId: string, pid = 100, dataDir = 'C:\\Integrador'): LeaseClaim => ({
  instanceId,
  hostName: 'SERVIDOR',
  dataDir,
  pid,
  version: '0.1.0',
  hostKind: 'headless',
});

const portOf = (claim: LeaseClaim, alive: (pid: number) => boolean = () => true, path = file) => {
  const database = leaseDatabase(settingsOf(path), 1);
  services.push(database);
  return databaseLeasePort({ database, settings: settingsOf(path), claim, expirySeconds: 120, alive });
};

const holder = async () => {
  const db = new DatabaseService(settingsOf(file));
  services.push(db);
  return db.use((session) => readLease(session, 120));
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-lease-port-'));
  file = join(dir, 'winthor.sqlite');
  await prepareDemoDatabase(file, { products: 2 });
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The holder's last renewal `seconds` ago, by the database's clock (a crashed process renews no more). */
const quietFor = async (seconds: number) => {
  const db = new DatabaseService(settingsOf(file));
  services.push(db);
  await db.use((session) =>
    session.execute(`UPDATE WTC_ENGINE_LEASE SET HEARTBEAT_AT = ${session.dialect.secondsAgo('ago')}`, {
      ago: seconds,
    }),
  );
};

it('a restart after a crash takes its own dead process’s lease once quiet 75 s; a live one or another folder waits', async () => {
  expect((await portOf(me('antes', 4242)).claim(false))?.won).toBe(true);
  await quietFor(80); // the crashed process last renewed 80 s ago (the restart took that long, or waited)
  // The same installation, the old pid alive (the service running, a `sync` beside it): it waits.
  expect((await portOf(me('cli', 5000), () => true).claim(false))?.won).toBe(false);
  // Another folder on this machine, the old pid dead: not this installation, it waits for the expiry.
  expect((await portOf(me('outra', 5000, 'C:\\Outra'), () => false).claim(false))?.won).toBe(false);
  const checked: number[] = [];
  const restarted = await portOf(me('depois', 5000), (pid) => (checked.push(pid), false)).claim(false);
  expect(restarted?.won).toBe(true);
  expect(checked).toEqual([4242]);
  expect((await holder())?.instanceId).toBe('depois');
});

it('two hosts alike (same host name and folder, pids in other namespaces): neither takes the live one’s row', async () => {
  // A container or a second machine with the same name and /data: its pid is "dead" here, but it renews.
  const first = portOf(me('maquina-1', 4242));
  const second = portOf(me('maquina-2', 4242 + 1), () => false);
  expect((await first.claim(false))?.won).toBe(true);
  await quietFor(20); // within one renewal and the margin
  expect((await second.claim(false))?.won).toBe(false);
  expect((await first.claim(false))?.won).toBe(true); // the live holder renews
  expect((await second.claim(false))?.won).toBe(false);
  expect((await holder())?.instanceId).toBe('maquina-1');
});

it('a renewal does not wait behind the jobs’ busy database: beside a job’s long read it wins at once', async () => {
  const jobs = new DatabaseService(settingsOf(file));
  services.push(jobs);
  const port = portOf(me('a'));
  expect((await port.claim(false))?.won).toBe(true);
  let finish!: () => void;
  let reading!: () => void;
  const midway = new Promise<void>((done) => (reading = done));
  // A job's long read (a catalogue stream, outside a transaction): it keeps a read snapshot open.
  const busy = jobs.use(async (db) => {
    let first = true;
    for await (const row of db.stream('SELECT PCFILIAL.CODIGO FROM PCFILIAL')) {
      void row;
      if (!first) continue;
      first = false;
      reading();
      await new Promise<void>((done) => (finish = done));
    }
  });
  await midway;
  const started = Date.now();
  const renewal = await port.claim(false);
  expect(Date.now() - started).toBeLessThan(1000);
  expect(renewal?.won).toBe(true);
  finish();
  await busy;
});

it('the embedded limit: a long write transaction of a job delays the renewal by the busy timeout, then fails it (SQLITE_BUSY)', async () => {
  const jobs = new DatabaseService(settingsOf(file));
  services.push(jobs);
  const port = portOf(me('a')); // busy timeout 1 s here (10 s in the app, ADR 0312)
  expect((await port.claim(false))?.won).toBe(true);
  let finish!: () => void;
  let open!: () => void;
  const opened = new Promise<void>((done) => (open = done));
  // The embedded database's transactions start with BEGIN IMMEDIATE: they hold the file's write lock.
  const busy = jobs.use((db) =>
    db.transaction(async (tx) => {
      await tx.query('SELECT 1 AS X FROM PCFILIAL');
      open();
      await new Promise<void>((done) => (finish = done));
    }),
  );
  await opened;
  const started = Date.now();
  const renewal = await port.claim(false).then(
    (result) => ({ won: result?.won ?? null, error: null }),
    (error: Error) => ({ won: null, error: error.message }),
  );
  const waited = Date.now() - started;
  expect(renewal.won).toBeNull();
  expect(renewal.error).toMatch(/busy|locked|bloqueado|ocupado/i);
  expect(waited).toBeGreaterThanOrEqual(900);
  expect(waited).toBeLessThan(5000);
  finish();
  await busy;
  // Once the job commits, the next renewal wins again.
  expect((await port.claim(false))?.won).toBe(true);
});

it('one overall deadline for a claim: a database that never answers fails it, the keeper is told', async () => {
  const hung = {
    use: () => new Promise<never>(() => {}),
    close: async () => {},
  } as unknown as DatabaseService;
  const port = databaseLeasePort({
    database: hung,
    settings: settingsOf(file),
    claim: me('a'),
    expirySeconds: 120,
    claimDeadlineMs: 300,
  });
  const started = Date.now();
  const outcome = await Promise.race([
    port.claim(false).then(
      () => 'answered',
      (error: Error) => error.message,
    ),
    new Promise((done) => setTimeout(() => done('still waiting after 3 s'), 3000)),
  ]);
  expect(outcome).toBe('Posse do banco: o banco não respondeu em 1 s.');
  expect(Date.now() - started).toBeLessThan(2000);
});

it('a release on an embedded file that is not there creates nothing', async () => {
  const missing = join(dir, 'nao-existe', 'winthor.sqlite');
  const port = portOf(me('a'), () => true, missing);
  expect(await port.claim(false)).toBeNull();
  await port.release();
  expect(existsSync(missing)).toBe(false);
});
