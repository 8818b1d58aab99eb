import { describe, expect, it, vi } from 'vitest';
import { EngineController } from './engine-controller';
import type { Job } from './job-context';
import { fakePorts } from './fake-ports.test-support';

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

/** A hold the test opens and closes, and the jobs of one catalogue and one order schedule. */
/** Ports whose clock is the real one: the scheduler's timers (node-schedule) fire at real times. */
const livePorts = () => {
  const fake = fakePorts();
  fake.clock.advance(Date.now() - fake.clock.now());
  return fake;
};

const harness = (answer?: () => Promise<boolean>) => {
  const { ports, runs, settings, logs } = livePorts();
  settings.branches[0]!.schedules = settings.branches[0]!.schedules.filter((s) =>
    ['orders', 'products', 'stock'].includes(s.job),
  );
  let held = true;
  const startedByHand = vi.fn(() => void (held = false));
  const hold = { isHeld: vi.fn(answer ?? (async () => held)), startedByHand };
  const jobs: Record<string, Job> = {
    orders: async () => {},
    products: async () => {},
    stock: async () => {},
  };
  const engine = new EngineController({ ports, jobs, firstSync: hold, onLog: (line) => logs.push(line) });
  return { engine, runs, hold, logs, release: () => void (held = false) };
};

describe('the first sync waits for its preview (ADR 0406)', () => {
  it('a never-synced branch runs its orders on schedule but not its catalogue, and the engine says why', async () => {
    const { engine, runs } = harness();
    engine.start();
    await until(() => runs.some((run) => run.job === 'orders' && run.status === 'ok'));
    await until(() => engine.snapshot().heldForPreview.length === 1);
    expect(runs.map((run) => run.job)).toEqual(['orders']);
    expect(engine.snapshot()).toMatchObject({
      state: 'running',
      summary: 'Em execução — Aguardando: veja a prévia da primeira sincronização — passo 8 (filial 1)',
      heldForPreview: ['1'],
      detailRef: { key: 'engineState.heldForPreview', params: { branches: '1' } },
    });
    await engine.stop();
  });

  it('released (preview seen), the jobs its schedules skipped start at once', async () => {
    const { engine, runs, release } = harness();
    engine.start();
    await until(() => engine.snapshot().heldForPreview.length === 1);
    release();
    await engine.releaseHeld();
    await until(() => runs.filter((run) => run.status === 'ok').length === 3);
    expect(runs.map((run) => `${run.job}:${run.trigger}`).sort()).toEqual([
      'orders:schedule',
      'products:schedule',
      'stock:schedule',
    ]);
    expect(engine.snapshot()).toMatchObject({ heldForPreview: [], summary: 'Em execução' });
    await engine.stop();
  });

  it('"Executar agora" is never held, and tells the hold a person started the first sync', async () => {
    const { engine, runs, hold } = harness();
    engine.start();
    await until(() => engine.snapshot().heldForPreview.length === 1);
    const result = await engine.runNow();
    expect(result.started.map((ticket) => ticket.job).sort()).toEqual(['orders', 'products', 'stock']);
    expect(hold.startedByHand).toHaveBeenCalledWith('1');
    await until(() => runs.every((run) => run.status !== 'running') && runs.length >= 3);
    await until(() => engine.snapshot().heldForPreview.length === 0);
    await engine.stop();
  });

  it('a failure to ask the hold fails closed: the catalogue waits for the next fire, orders run (ADR 0406)', async () => {
    const { engine, runs, logs } = harness(async () => Promise.reject(new Error('banco fora')));
    engine.start();
    await until(() => runs.some((run) => run.job === 'orders' && run.status === 'ok'));
    await until(() => logs.filter((line) => line.message.includes('banco fora')).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs.map((run) => run.job)).toEqual(['orders']);
    expect(logs.find((line) => line.message.includes('banco fora'))).toMatchObject({ level: 'warn' });
    // Not "waiting for the preview": nobody knows yet, and the next fire asks again.
    expect(engine.snapshot().heldForPreview).toEqual([]);
    await engine.stop();
  });
});
