import type { ApiEnvelope, EventName, MethodName } from '../contract';
import type { WtcBridge, WtcMethods } from '../contract/bridge';
import { CALL_CHANNEL } from './ipc-channels';

/** What the preload needs from ipcRenderer, injected so the bridge can be tested without electron. */
export interface BridgeIo {
  invoke(channel: typeof CALL_CHANNEL, method: MethodName, input: unknown): Promise<unknown>;
  /** Listens to every contract event sent by the main process; returns the function that stops listening. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

/**
 * The contract's names. The preload gets them inlined at build time (scripts/build-main.mjs) so it does
 * not carry zod; the tests pass METHOD_NAMES and Object.keys(events).
 */
export interface BridgeNames {
  methods: readonly MethodName[];
  events: readonly EventName[];
}

/** Builds `window.wtc`: exactly the contract's methods and events, never ipcRenderer itself. */
export const createWtcBridge = (io: BridgeIo, names: BridgeNames): WtcBridge => {
  const methodNames = new Set<string>(names.methods);
  const eventNames = new Set<string>(names.events);

  const send = (method: MethodName, input: unknown): Promise<ApiEnvelope> =>
    io.invoke(CALL_CHANNEL, method, input ?? {}) as Promise<ApiEnvelope>;

  const call = (method: string, input?: unknown): Promise<ApiEnvelope> => {
    if (typeof method !== 'string' || !methodNames.has(method)) {
      return Promise.reject(new Error(`Método desconhecido: ${String(method)}.`));
    }
    return send(method as MethodName, input);
  };

  const methods = Object.freeze(
    Object.fromEntries(names.methods.map((name) => [name, (input?: unknown) => send(name, input)])),
  ) as WtcMethods;

  const on = (event: EventName, callback: (payload: unknown) => void): (() => void) => {
    if (typeof event !== 'string' || !eventNames.has(event))
      throw new Error(`Evento desconhecido: ${String(event)}.`);
    if (typeof callback !== 'function')
      throw new Error('on(evento, callback): callback deve ser uma função.');
    return io.subscribe((name, payload) => {
      if (name === event) callback(payload);
    });
  };

  return Object.freeze({ call, on, methods });
};
