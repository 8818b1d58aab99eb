import { describe, expect, it, vi } from 'vitest';
import { EngineController } from './engine-controller';

describe('EngineController', () => {
  it('pauses and resumes, telling every change', () => {
    const onChange = vi.fn();
    const engine = new EngineController(onChange);
    engine.start();
    engine.pause();
    expect(engine.snapshot().state).toBe('paused');
    engine.resume();
    expect(engine.snapshot().state).toBe('running');
    expect(onChange.mock.calls.map(([s]) => s.state)).toEqual(['running', 'paused', 'running']);
  });

  it('runs every job once on demand; one failure does not stop the others and marks the engine', async () => {
    const engine = new EngineController(
      () => {},
      () => new Date('2026-01-02T03:04:05Z'),
    );
    engine.start();
    const ran: string[] = [];
    engine.register({ name: 'stock', run: async () => void ran.push('stock') });
    engine.register({
      name: 'orders',
      run: async () => {
        ran.push('orders');
        throw new Error('loja fora do ar');
      },
    });
    engine.register({ name: 'prices', run: async () => void ran.push('prices') });
    await engine.runNow();
    expect(ran).toEqual(['stock', 'orders', 'prices']);
    expect(engine.snapshot()).toMatchObject({
      state: 'error',
      summary: 'Com erro: orders: loja fora do ar',
      lastRunAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('recovers from the error state when a later run succeeds', async () => {
    const engine = new EngineController();
    engine.start();
    let fail = true;
    engine.register({
      name: 'stock',
      run: async () => {
        if (fail) throw new Error('x');
      },
    });
    await engine.runNow();
    expect(engine.snapshot().state).toBe('error');
    fail = false;
    await engine.runNow();
    expect(engine.snapshot().state).toBe('running');
  });

  it('says when no sync is configured yet', () => {
    const engine = new EngineController();
    engine.start();
    expect(engine.snapshot().summary).toBe('Em execução — nenhuma sincronização configurada');
  });
});
