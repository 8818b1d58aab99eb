import { describe, expect, it, vi } from 'vitest';
import { events, METHOD_NAMES, type ApiEnvelope, type EventName } from '../contract';
import { createWtcBridge as createBridge, type BridgeIo } from './preload-bridge';

const createWtcBridge = (io: BridgeIo) =>
  createBridge(io, { methods: METHOD_NAMES, events: Object.keys(events) as EventName[] });

const fakeIo = () => {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const invoke = vi.fn(async (_channel: string, method: string, input: unknown): Promise<ApiEnvelope> => ({
    ok: true,
    result: { method, input },
  }));
  const io: BridgeIo = {
    invoke,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (name: string, payload: unknown) => {
    for (const listener of listeners) listener(name, payload);
  };
  return { io, invoke, emit, listeners };
};

describe('createWtcBridge', () => {
  it('exposes exactly call, on and methods', () => {
    const bridge = createWtcBridge(fakeIo().io);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'methods', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('has one function per contract method, and nothing else', () => {
    const bridge = createWtcBridge(fakeIo().io);
    expect(Object.keys(bridge.methods).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof bridge.methods[name]).toBe('function');
    expect(Object.isFrozen(bridge.methods)).toBe(true);
  });

  it('methods invoke wtc:call with the method name and the input ({} when absent)', async () => {
    const { io, invoke } = fakeIo();
    const bridge = createWtcBridge(io);
    await expect(bridge.methods['app.status']()).resolves.toEqual({
      ok: true,
      result: { method: 'app.status', input: {} },
    });
    await bridge.methods['settings.import']({ content: '{}' });
    expect(invoke).toHaveBeenLastCalledWith('wtc:call', 'settings.import', { content: '{}' });
  });

  it('call forwards contract methods and returns the envelope', async () => {
    const { io, invoke } = fakeIo();
    const envelope = await createWtcBridge(io).call('engine.pause', {});
    expect(envelope).toEqual({ ok: true, result: { method: 'engine.pause', input: {} } });
    expect(invoke).toHaveBeenCalledWith('wtc:call', 'engine.pause', {});
  });

  it('call rejects names outside the contract without reaching IPC', async () => {
    const { io, invoke } = fakeIo();
    const bridge = createWtcBridge(io);
    await expect(bridge.call('shell.openExternal', {})).rejects.toThrow(
      'Método desconhecido: shell.openExternal.',
    );
    await expect(bridge.call('__proto__', {})).rejects.toThrow('Método desconhecido');
    await expect(bridge.call('toString', {})).rejects.toThrow('Método desconhecido');
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow('Método desconhecido');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('on passes only the payload of the chosen event, and unsubscribes', () => {
    const { io, emit, listeners } = fakeIo();
    const bridge = createWtcBridge(io);
    const seen: unknown[][] = [];
    const off = bridge.on('app.status', (...args: unknown[]) => seen.push(args));
    emit('log.line', { message: 'outro evento' });
    emit('app.status', { engine: { state: 'paused' } });
    expect(seen).toEqual([[{ engine: { state: 'paused' } }]]);
    off();
    expect(listeners.size).toBe(0);
    emit('app.status', {});
    expect(seen).toHaveLength(1);
  });

  it('on refuses names outside the contract and non-function callbacks', () => {
    const bridge = createWtcBridge(fakeIo().io);
    expect(() => bridge.on('wtc:call' as never, () => {})).toThrow('Evento desconhecido: wtc:call.');
    expect(() => bridge.on('constructor' as never, () => {})).toThrow('Evento desconhecido');
    expect(() => bridge.on('log.line', 'x' as never)).toThrow('callback');
  });
});
