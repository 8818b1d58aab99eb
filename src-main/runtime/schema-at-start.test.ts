import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dispatcher } from '../api/dispatcher';
import { openHeadlessSettings } from '../config/headless-settings';
import { demoDatabasePath, prepareDemoDatabase, TARGET_VERSION } from '../winthor';
import { SqliteDb } from '../winthor/db/sqlite-db';
import { installSteps } from '../winthor/schema/install-plan';
import { createRuntime, type Runtime } from './create-runtime';
import { startEngineAfterSchemaCheck } from './host-start';
import { bringSchemaUpToDate, SchemaFromNewerVersionError } from './schema-at-start';

let dir: string;
let file: string;
let runtime: Runtime | undefined;
const lines: string[] = [];
const log = (level: string, message: string) => lines.push(`[${level}] ${message}`);

/** A demo WinThor whose integration objects were installed by an older release, up to `version`. */
const installUpTo = async (version: number) => {
  const db = new SqliteDb({ file });
  try {
    const { prelude, steps, finish } = installSteps('sqlite', 0);
    await db.transaction(async (tx) => {
      for (const statement of prelude) await tx.execute(statement);
      for (const step of steps.filter((s) => s.version <= version))
        for (const statement of [...step.up, ...step.record]) await tx.execute(statement);
      for (const statement of finish) await tx.execute(statement);
    });
  } finally {
    await db.close();
  }
};

const installedVersion = async () => {
  const db = new SqliteDb({ file });
  try {
    return Number((await db.queryOne('SELECT MAX(VERSION) AS V FROM WTC_SCHEMA_VERSION'))?.V ?? 0);
  } finally {
    await db.close();
  }
};

const start = () => {
  const settings = openHeadlessSettings(dir);
  settings.update({ database: { kind: 'embedded', embedded: { file } } });
  runtime = createRuntime({ host: 'headless', settings, dataDir: dir, startEngine: false });
  return runtime;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-schema-start-'));
  file = demoDatabasePath(dir);
  await prepareDemoDatabase(file, { products: 5, installSchema: false });
  lines.length = 0;
});

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('integration schema at start (after an upgrade of the app)', () => {
  it('updates a schema an older release installed once confirmed (the service confirms), and logs it', async () => {
    await installUpTo(TARGET_VERSION - 1);
    const asked: unknown[] = [];
    const outcome = await bringSchemaUpToDate(start().api, {
      confirm: async (state) => {
        asked.push(state);
        return true;
      },
      log,
    });
    expect(outcome).toBe('run');
    expect(asked).toEqual([
      { kind: 'outdated', installed: TARGET_VERSION - 1, target: TARGET_VERSION, installBy: 'app' },
    ]);
    expect(await installedVersion()).toBe(TARGET_VERSION);
    expect(lines.join('\n')).toMatch(
      new RegExp(
        `\\[info\\] Tabelas da integração atualizadas da versão ${TARGET_VERSION - 1} para a ${TARGET_VERSION} \\(\\d+ comandos\\)`,
      ),
    );
  });

  it('an upgrade from version 7 brings the lease table, and the engine claims the database right away', async () => {
    await installUpTo(7);
    const runtime = start();
    await runtime.lease?.settled();
    // Before the update: no lease table, nothing blocked (the schema check holds the engine meanwhile).
    expect(runtime.lease?.standing().kind).toBe('unknown');
    expect(await startEngineAfterSchemaCheck(runtime, { confirm: async () => true, log })).toBe('run');
    await runtime.lease?.settled();
    expect(runtime.lease?.standing().kind).toBe('held');
    expect(runtime.status().engine.state).not.toBe('standby');
  });

  it('leaves the schema as it is and holds the engine when the person says "Depois"', async () => {
    await installUpTo(TARGET_VERSION - 1);
    expect(await bringSchemaUpToDate(start().api, { confirm: async () => false, log })).toBe('hold');
    expect(await installedVersion()).toBe(TARGET_VERSION - 1);
    expect(lines.join('\n')).toMatch(/\[warn\] .*adiada; a sincronização fica pausada/);
  });

  it('refuses a schema of a newer release (a downgrade), changing nothing', async () => {
    await installUpTo(TARGET_VERSION);
    const db = new SqliteDb({ file });
    await db.execute(
      `INSERT INTO WTC_SCHEMA_VERSION (VERSION, APPLIED_AT, DESCRIPTION) VALUES (${TARGET_VERSION + 1}, datetime('now'), 'futura')`,
    );
    await db.close();
    const error = await bringSchemaUpToDate(start().api, { confirm: async () => true, log }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SchemaFromNewerVersionError);
    expect(error).toMatchObject({ code: 'schema_from_newer_version', exitCode: 5 });
    expect((error as Error).message).toContain(`versão ${TARGET_VERSION + 1}, de uma versão mais nova`);
    expect(await installedVersion()).toBe(TARGET_VERSION + 1);
  });

  it('does not install anything on a database without the objects, and does not ask', async () => {
    const outcome = await bringSchemaUpToDate(start().api, {
      confirm: async () => {
        throw new Error('must not ask');
      },
      log,
    });
    expect(outcome).toBe('run');
    expect(await installedVersion().catch(() => 0)).toBe(0);
    expect(lines.join('\n')).toMatch(/ainda não instaladas/);
  });

  it('runs on a first start with no database configured: the first-run guide takes it from there', async () => {
    runtime = createRuntime({
      host: 'headless',
      settings: openHeadlessSettings(dir),
      dataDir: dir,
      startEngine: false,
    });
    expect(await bringSchemaUpToDate(runtime.api, { confirm: async () => true, log })).toBe('run');
    expect(lines.join('\n')).not.toMatch(/não verificadas/);
  });

  it('holds the engine when the database cannot be reached, saying the schema was not checked', async () => {
    const settings = openHeadlessSettings(dir);
    settings.update({
      database: { kind: 'oracle', oracle: { connectString: '127.0.0.1:1/WINT', user: 'U', password: 'p' } },
    });
    runtime = createRuntime({ host: 'headless', settings, dataDir: dir, startEngine: false });
    expect(await bringSchemaUpToDate(runtime.api, { confirm: async () => true, log })).toBe('recheck');
    expect(lines.join('\n')).toMatch(/\[warn\] Tabelas da integração não verificadas na partida: /);
    expect(lines.join('\n')).toMatch(/verifica de novo a cada minuto/);
  });
});

describe('an engine held at start looks again and resumes by itself', () => {
  it('the database down at start: paused; once it answers with the schema current, it resumes without asking', async () => {
    const calls: string[] = [];
    let reachable = false;
    const api = {
      invoke: async (method: string) => {
        calls.push(method);
        if (!reachable) throw new Error('ORA-12541: TNS:no listener');
        return { currentVersion: 7, targetVersion: 7, grantTo: null, statements: [] };
      },
    } as unknown as Dispatcher;
    const engine = { start: vi.fn(), pause: vi.fn(), resume: vi.fn(), setSchemaHold: vi.fn() };
    const told: string[] = [];
    const outcome = await startEngineAfterSchemaCheck(
      { api, engine } as unknown as Pick<Runtime, 'api' | 'engine'>,
      {
        confirm: async () => {
          throw new Error('must not ask');
        },
        log: (level, message) => told.push(`[${level}] ${message}`),
        recheckMs: 20,
      },
    );
    expect(outcome).toBe('recheck');
    expect(engine.start).toHaveBeenCalledTimes(1);
    expect(engine.pause).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(engine.resume).not.toHaveBeenCalled();
    reachable = true;
    await vi.waitFor(() => expect(engine.resume).toHaveBeenCalledTimes(1));
    expect(told.at(-1)).toBe('[info] Tabelas da integração em dia: a sincronização continua.');
    const looks = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(calls.length).toBe(looks); // it stopped looking
  });
});

describe('an engine held by the schema check is told to the operator (ADR 0034)', () => {
  it('held at start (update declined): the alerts hear why; once the schema is current: released, and the engine resumes', async () => {
    let installed = 6;
    const api = {
      invoke: async (method: string) => {
        if (method === 'db.install') throw new Error('not here');
        return { currentVersion: installed, targetVersion: 7, grantTo: null, statements: [] };
      },
    } as unknown as Dispatcher;
    const engine = { start: vi.fn(), pause: vi.fn(), resume: vi.fn(), setSchemaHold: vi.fn() };
    const told: Array<unknown> = [];
    const alerts = { engineHeld: vi.fn(async (hold: unknown) => void told.push(hold)) };
    const outcome = await startEngineAfterSchemaCheck({ api, engine, alerts } as never, {
      confirm: async () => false,
      log: () => {},
      recheckMs: 20,
    });
    expect(outcome).toBe('hold');
    expect(engine.pause).toHaveBeenCalledTimes(1);
    expect(told).toEqual([{ reason: 'declined', installed: 6, target: 7 }]);
    expect(engine.setSchemaHold).toHaveBeenLastCalledWith('declined'); // the engine says why it is paused
    // The minute's looks (no dialog: not updated) keep telling the same hold; the alerts keep one episode.
    await vi.waitFor(() => expect(told.length).toBeGreaterThan(1));
    expect(told.at(-1)).toEqual({ reason: 'declined', installed: 6, target: 7 });
    installed = 7; // the DBA or "Criar Tabelas…" brought it up to date
    await vi.waitFor(() => expect(engine.resume).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(told.at(-1)).toBeNull());
    expect(engine.setSchemaHold).toHaveBeenLastCalledWith(null);
    // Released before the resume: the engine's resume is not taken for a person's.
    expect(engine.setSchemaHold.mock.invocationCallOrder.at(-1)!).toBeLessThan(
      engine.resume.mock.invocationCallOrder.at(-1)!,
    );
  });

  it('a schema of a newer release found on a later look holds it too, with the versions', async () => {
    let version = 0;
    const api = {
      invoke: async () => {
        if (version === 0) throw new Error('ORA-12541: TNS:no listener');
        return { currentVersion: version, targetVersion: 7, grantTo: null, statements: [] };
      },
    } as unknown as Dispatcher;
    const engine = { start: vi.fn(), pause: vi.fn(), resume: vi.fn(), setSchemaHold: vi.fn() };
    const told: Array<unknown> = [];
    const alerts = { engineHeld: vi.fn(async (hold: unknown) => void told.push(hold)) };
    const timer = startEngineAfterSchemaCheck({ api, engine, alerts } as never, {
      confirm: async () => true,
      log: () => {},
      recheckMs: 20,
    });
    expect(await timer).toBe('recheck');
    expect(told).toEqual([]); // the database alert says that one
    version = 8;
    await vi.waitFor(() => expect(told).toContainEqual({ reason: 'newer', installed: 8, target: 7 }));
    expect(engine.resume).not.toHaveBeenCalled();
    version = 7;
    await vi.waitFor(() => expect(engine.resume).toHaveBeenCalledTimes(1));
  });
});
