import { afterEach, describe, expect, it, vi } from 'vitest';
import { Branch, defaultSettings, type MethodOutput, type Settings } from '../contract';
import { EngineController } from '../engine/engine-controller';
import type { SetupSources } from './setup-gather';
import { SetupMonitor } from './setup-monitor';
import { setupSources } from './setup-sources.test-support';

const NOW = new Date('2026-12-06T01:00:00Z');

const embedded = (): Settings => ({
  ...defaultSettings(),
  database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: '/tmp/winthor.sqlite' } },
});

const okReport: MethodOutput<'db.check'> = {
  ok: true,
  checks: [
    { id: 'connection', label: 'Conexão', status: 'ok', detail: 'SQLite — banco embutido' },
    { id: 'schema', label: 'Objetos', status: 'ok', detail: 'Versão 9 instalada.' },
  ],
};

/** Sources whose answers the test changes; `check` counts the measures (one db.check each). */
const harness = (settings: Settings = embedded()) => {
  const state = { settings, report: okReport, checks: 0, gate: null as Promise<void> | null };
  const sources: SetupSources = setupSources({
    settings: () => state.settings,
    check: async () => {
      state.checks += 1;
      if (state.gate) await state.gate;
      return state.report;
    },
  });
  return { state, sources };
};

afterEach(() => vi.useRealTimers());

describe('SetupMonitor: the guide’s live measure (ADR 0401)', () => {
  it('each measure tells the engine: waiting for step 1, then — the database configured — for step 4', async () => {
    const { state, sources } = harness({ ...defaultSettings() });
    state.settings.database = { ...state.settings.database, kind: 'oracle' };
    const engine = new EngineController({});
    engine.start();
    const measured = vi.fn();
    const monitor = new SetupMonitor(sources, () => NOW, engine, measured);
    const first = await monitor.measure();
    expect(first.firstBlocking).toBe('database');
    expect(engine.snapshot()).toMatchObject({ state: 'setup', setupStep: 'database' });
    expect(state.checks).toBe(0); // nothing configured: db.check is not even asked

    state.settings = embedded();
    const second = await monitor.measure();
    expect(second.firstBlocking).toBe('store');
    expect(engine.snapshot()).toMatchObject({
      state: 'setup',
      detail: 'passo 4 — loja de uma filial com URL e token testados',
      detailRef: { key: 'engineState.waiting', params: { number: 4, step: '@engineState.steps.store' } },
    });
    expect(monitor.current()).toBe(second);
    expect(measured).toHaveBeenCalledTimes(2);
    void engine.stop();
  });

  it('a database that stops answering turns the engine to error, and back when it answers', async () => {
    const { state, sources } = harness();
    state.settings.branches = [
      Branch.parse({ code: '1', store: { url: 'https://loja.exemplo.com.br', token: 't' } }),
    ];
    const engine = new EngineController({});
    engine.start();
    const monitor = new SetupMonitor(sources, () => NOW, engine);
    state.report = {
      ok: false,
      checks: [{ id: 'connection', label: 'Conexão', status: 'error', detail: 'ORA-12541: sem listener.' }],
    };
    await monitor.measure();
    expect(engine.snapshot()).toMatchObject({
      state: 'error',
      summary: 'Com erro: Banco de dados: ORA-12541: sem listener.',
      detailRef: { key: 'setup.database.failing', params: { detail: 'ORA-12541: sem listener.' } },
    });
    state.report = okReport;
    await monitor.measure();
    expect(engine.snapshot().state).toBe('setup'); // answering again: it waits for the store's test
    void engine.stop();
  });

  it('asked while a measure runs: one more measure follows, shared by everyone who asked meanwhile', async () => {
    const { state, sources } = harness();
    let open!: () => void;
    state.gate = new Promise<void>((resolve) => (open = resolve));
    const monitor = new SetupMonitor(sources, () => NOW, null);
    const first = monitor.measure();
    const second = monitor.measure();
    const third = monitor.measure();
    expect(second).toBe(third);
    state.gate = null;
    open();
    await Promise.all([first, second, third]);
    expect(state.checks).toBe(2);
    // Nothing running any more: the next ask is a measure of its own.
    await monitor.measure();
    expect(state.checks).toBe(3);
  });

  it('several changes in a moment make one measure 300 ms later; start() measures soon and every minute', async () => {
    vi.useFakeTimers();
    const { state, sources } = harness();
    const monitor = new SetupMonitor(sources, () => NOW, null);
    monitor.changed();
    monitor.changed();
    monitor.changed();
    await vi.advanceTimersByTimeAsync(299);
    expect(state.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.checks).toBe(1);

    monitor.start();
    await vi.advanceTimersByTimeAsync(300);
    expect(state.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.checks).toBe(3);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(state.checks).toBe(5);
    monitor.stop();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(state.checks).toBe(5);
  });

  it('a measure that fails (a source throws) is not kept, and the next one runs', async () => {
    const { state, sources } = harness();
    const monitor = new SetupMonitor(
      { ...sources, settings: () => (state.checks++ === 0 ? (undefined as never) : state.settings) },
      () => NOW,
      null,
    );
    await expect(monitor.measure()).rejects.toThrow();
    expect(monitor.current()).toBeNull();
    await expect(monitor.measure()).resolves.toMatchObject({ firstBlocking: 'store' });
  });
});
