import { describe, expect, it, vi } from 'vitest';
import { EngineController } from './engine-controller';
import type { Job } from './job-context';
import { fakePorts } from './fake-ports.test-support';

/** Resolves when `condition` holds (polling the microtask queue and timers briefly). */
const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('EngineController', () => {
  it('pauses and resumes, telling every change', () => {
    const onChange = vi.fn();
    const engine = new EngineController({ onChange });
    engine.start();
    engine.pause();
    expect(engine.snapshot().state).toBe('paused');
    engine.resume();
    expect(engine.snapshot().state).toBe('running');
    expect(onChange.mock.calls.map(([s]) => s.state)).toEqual(['running', 'paused', 'running']);
  });

  it('waits for the first-run guide: "Aguardando configuração" naming the step, refuses runs, then runs', async () => {
    const { ports } = fakePorts();
    const engine = new EngineController({ ports, jobs: {} });
    engine.start();
    const waitingFor = { step: 'store', label: 'passo 4 — loja de uma filial com URL e token testados' };
    engine.setReadiness({ waitingFor, failing: [] });
    expect(engine.snapshot()).toMatchObject({
      state: 'setup',
      summary: 'Aguardando configuração: passo 4 — loja de uma filial com URL e token testados',
      detail: 'passo 4 — loja de uma filial com URL e token testados',
      setupStep: 'store',
    });
    await expect(engine.runNow()).rejects.toMatchObject({ code: 'engine_awaiting_setup' });
    engine.pause();
    engine.resume();
    expect(engine.snapshot().state).toBe('setup');
    engine.setReadiness({ waitingFor: null, failing: [] });
    expect(engine.snapshot().state).toBe('running');
    void engine.stop();
  });

  it('another engine holds the database: "Em espera" naming it, runs refused and stopped, then runs once it holds it', async () => {
    const { ports, runs } = fakePorts();
    let release!: () => void;
    const working = new Promise<void>((resolve) => (release = resolve));
    let aborted = false;
    const engine = new EngineController({
      ports,
      scheduler: false,
      jobs: {
        stock: async (c) => {
          c.signal.addEventListener('abort', () => {
            aborted = true;
            release();
          });
          await working;
        },
      },
    });
    engine.start();
    await engine.run({ branch: '1', job: 'stock' }, 'manual');
    await until(() => engine.snapshot().runningJobs.length === 1);
    const holder = { hostName: 'SRV', dataDir: 'C:\\Dados', pid: 7, version: '0.1.0', since: '14:05' };
    engine.setLease({ kind: 'waiting', holder, lost: true });
    expect(engine.snapshot()).toMatchObject({
      state: 'standby',
      summary: 'Em espera: outro integrador assumiu este banco (host SRV, pasta C:\\Dados, desde 14:05)',
      standby: { hostName: 'SRV', dataDir: 'C:\\Dados', since: '14:05', lost: true },
    });
    // The job running when the lease was lost stops at its next item; nothing new starts.
    await until(() => aborted && runs[0]?.status === 'cancelled');
    // With its words as a key, for the UI in English.
    await expect(engine.runNow()).rejects.toMatchObject({
      code: 'engine_standby',
      messageRef: {
        key: 'engine.standbyLost',
        params: { host: 'SRV', folder: 'C:\\Dados', since: '14:05' },
      },
      fixRef: { key: 'engine.standbyFix' },
    });
    await expect(engine.run({ branch: '1', job: 'stock' }, 'manual')).rejects.toThrow(
      'Em espera: outro integrador assumiu este banco (host SRV, pasta C:\\Dados, desde 14:05)',
    );
    // Standby wins over the first-run guide; pausing and resuming keep it.
    engine.setReadiness({ waitingFor: { step: 'store', label: 'passo 4' }, failing: [] });
    engine.pause();
    engine.resume();
    expect(engine.snapshot().state).toBe('standby');
    engine.setReadiness({ waitingFor: null, failing: [] });
    expect(engine.snapshot().state).toBe('standby');
    engine.setLease({ kind: 'held', since: '14:10' });
    expect(engine.snapshot()).toMatchObject({ state: 'running', standby: null });
    const again = await engine.run({ branch: '1', job: 'stock' }, 'manual');
    expect(again.started).toHaveLength(1);
    release();
    await engine.stop();
  });

  it("starts nothing before the lease's first claim has answered", async () => {
    const { ports } = fakePorts();
    let answer!: () => void;
    const settled = new Promise<void>((resolve) => (answer = resolve));
    const engine = new EngineController({
      ports,
      jobs: { stock: async () => {} },
      leaseSettled: () => settled,
    });
    engine.start();
    const asked = engine.run({ branch: '1', job: 'stock' }, 'manual');
    engine.setLease({
      kind: 'waiting',
      holder: { hostName: 'SRV', dataDir: 'C:\\Dados', pid: 7, version: '0.1.0', since: '14:05' },
      lost: false,
    });
    answer();
    await expect(asked).rejects.toMatchObject({ code: 'engine_standby' });
    await engine.stop();
  });

  it('an engine paused at start (schema check) that waits for the lease does not mark the holder’s runs interrupted', async () => {
    const { ports } = fakePorts();
    const marked = vi.fn(async () => 0);
    ports.runs.markInterrupted = marked;
    let answer!: () => void;
    const settled = new Promise<void>((resolve) => (answer = resolve));
    const engine = new EngineController({ ports, jobs: {}, leaseSettled: () => settled });
    engine.start();
    engine.pause();
    engine.setLease({
      kind: 'waiting',
      holder: { hostName: 'SRV', dataDir: 'C:\\Dados', pid: 7, version: '0.1.0', since: '14:05' },
      lost: false,
    });
    answer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(marked).not.toHaveBeenCalled();
    // The holder (this engine holding the lease) does mark them.
    const { ports: own } = fakePorts();
    const ownMarked = vi.fn(async () => 0);
    own.runs.markInterrupted = ownMarked;
    const holder = new EngineController({ ports: own, jobs: {}, leaseSettled: async () => {} });
    holder.setLease({ kind: 'held', since: '14:05' }); // only an engine that holds the lease marks (ADR 0313)
    holder.start();
    holder.pause();
    await until(() => ownMarked.mock.calls.length === 1);
    await engine.stop();
    await holder.stop();
  });

  it('a store or database failing shows as an error naming it, not "Em execução"', () => {
    const { ports } = fakePorts();
    const engine = new EngineController({ ports, jobs: {} });
    engine.start();
    engine.setReadiness({ waitingFor: null, failing: ['Loja da filial 2: token recusado (401).'] });
    expect(engine.snapshot()).toMatchObject({
      state: 'error',
      summary: 'Com erro: Loja da filial 2: token recusado (401).',
    });
    engine.setReadiness({ waitingFor: null, failing: [] });
    expect(engine.snapshot().state).toBe('running');
    void engine.stop();
  });

  it('says when no sync is configured yet', () => {
    const { ports, settings } = fakePorts();
    settings.branches[0]!.schedules = [];
    const engine = new EngineController({ ports, jobs: {} });
    engine.start();
    expect(engine.snapshot().summary).toBe('Em execução — nenhuma sincronização configurada');
    void engine.stop();
  });

  it('runs now: answers at once with run ids; a failure marks the engine, a later success clears it', async () => {
    const { ports, runs } = fakePorts();
    let fail = true;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobs: Record<string, Job> = {
      stock: async () => {
        await gate;
        if (fail) throw new Error('loja fora do ar');
      },
      prices: async (context) => void (context.counts.sent += 2),
    };
    const engine = new EngineController({ ports, jobs });
    engine.start();
    const first = await engine.run({ branch: '1' }, 'manual');
    expect(first.started.map((t) => t.job).sort()).toEqual(['prices', 'stock']);
    expect(runs.find((r) => r.job === 'stock')?.status).toBe('running'); // answered before the job ended
    release();
    await until(() => runs.every((r) => r.status !== 'running'));
    expect(runs.find((r) => r.job === 'prices')).toMatchObject({ status: 'ok', counts: { sent: 2 } });
    expect(runs.find((r) => r.job === 'stock')).toMatchObject({ status: 'failed' });
    expect(engine.snapshot()).toMatchObject({ state: 'error' });
    expect(engine.snapshot().summary).toContain('Estoque (filial 1): Erro inesperado: loja fora do ar');
    fail = false;
    await engine.run({ branch: '1', job: 'stock' }, 'manual');
    await until(() => engine.snapshot().state === 'running');
    await engine.stop();
  });

  it('after a restart, the last run is the newest one recorded, not "never" (issue #10)', async () => {
    const { ports, runs } = fakePorts();
    runs.push({
      id: 1,
      job: 'stock',
      branch: '1',
      trigger: 'schedule',
      startedAt: new Date('2026-12-05T10:00:00Z'),
      finishedAt: new Date('2026-12-05T10:00:05Z'),
      status: 'ok',
      counts: {},
      message: null,
    });
    const onChange = vi.fn();
    const engine = new EngineController({ ports, jobs: {}, onChange });
    expect(engine.snapshot().lastRunAt).toBeNull();
    engine.start();
    await until(() => engine.snapshot().lastRunAt === '2026-12-05T10:00:05.000Z');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ lastRunAt: '2026-12-05T10:00:05.000Z' }),
    );
    await engine.stop();
  });

  it('two "Executar agora" at once start one run', async () => {
    const { ports, runs } = fakePorts();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const engine = new EngineController({ ports, jobs: { stock: () => gate } });
    engine.start();
    const [a, b] = await Promise.all([
      engine.run({ branch: '1', job: 'stock' }, 'manual'),
      engine.run({ branch: '1', job: 'stock' }, 'manual'),
    ]);
    expect(runs).toHaveLength(1);
    expect([...a.started, ...b.started]).toHaveLength(1);
    expect([...a.alreadyRunning, ...b.alreadyRunning]).toEqual([{ branch: '1', job: 'stock', runId: 1 }]);
    release();
    await until(() => runs[0]!.status === 'ok');
    await engine.stop();
  });

  it('pause stops a running job at its next item and refuses new runs until resumed', async () => {
    const { ports, runs } = fakePorts();
    let items = 0;
    const engine = new EngineController({
      ports,
      jobs: {
        stock: async (context) => {
          while (!context.signal.aborted && items < 10_000) {
            items += 1;
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        },
      },
    });
    engine.start();
    await engine.run({ branch: '1', job: 'stock' }, 'manual');
    await until(() => items > 2);
    engine.pause();
    await until(() => runs[0]!.status !== 'running');
    expect(runs[0]).toMatchObject({ status: 'cancelled' });
    expect(items).toBeLessThan(10_000);
    await expect(engine.run({ branch: '1', job: 'stock' }, 'manual')).rejects.toThrow(/pausado/);
    engine.resume();
    expect((await engine.run({ branch: '1', job: 'stock' }, 'manual')).started).toHaveLength(1);
    await engine.stop();
  });

  it('refuses, without failing the others, a branch whose store is not configured', async () => {
    const { ports } = fakePorts();
    ports.store = () => {
      throw new Error('URL da loja: a filial 1 não tem a URL da loja configurada.');
    };
    const engine = new EngineController({ ports, jobs: { stock: async () => {} } });
    engine.start();
    const result = await engine.run({ branch: '1', job: 'stock' }, 'manual');
    expect(result.refused).toEqual([
      { branch: '1', job: 'stock', message: 'URL da loja: a filial 1 não tem a URL da loja configurada.' },
    ]);
    await engine.stop();
  });

  it('a run still being recorded when "Pausar" comes ends at once, cancelled', async () => {
    const { ports, runs } = fakePorts();
    const start = ports.runs.start;
    let recorded!: () => void;
    const gate = new Promise<void>((resolve) => (recorded = resolve));
    ports.runs.start = async (run) => {
      await gate;
      return start(run);
    };
    let worked = false;
    const engine = new EngineController({
      ports,
      jobs: { stock: async (c) => void (worked = !c.signal.aborted) },
    });
    engine.start();
    const starting = engine.run({ branch: '1', job: 'stock' }, 'manual');
    engine.pause();
    recorded();
    await starting;
    await until(() => runs[0]?.status === 'cancelled');
    expect(worked).toBe(false);
    await engine.stop();
  });

  it('a failure of a job no longer scheduled stops counting when the settings change', async () => {
    const { ports, settings, runs } = fakePorts();
    const engine = new EngineController({
      ports,
      jobs: {
        stock: async () => {
          throw new Error('falhou');
        },
      },
      scheduler: false,
    });
    engine.start();
    await engine.run({ branch: '1', job: 'stock' }, 'manual');
    await until(() => runs[0]?.status === 'failed');
    expect(engine.snapshot().state).toBe('error');
    settings.branches[0]!.schedules = settings.branches[0]!.schedules.filter((s) => s.job !== 'stock');
    engine.settingsChanged();
    expect(engine.snapshot().state).toBe('running');
    await engine.stop();
  });
});
