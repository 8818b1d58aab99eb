import type { ApiEnvelope } from './define';
import type { EventName } from './events';
import type { MethodInput, MethodName } from './methods';

/**
 * What the desktop preload exposes to the renderer as `window.wtc` (src-main/app/preload.ts).
 * Types only, no Node and no electron: the renderer transport imports this file.
 *
 * - `call(method, input)` resolves with the same ApiEnvelope as `POST /api/<method>`; a name that is not in
 *   METHOD_NAMES is refused in the preload (the promise rejects, nothing reaches the main process).
 * - `methods['app.status'](input)` is the same call, one function per contract method.
 * - `on(event, callback)` subscribes to a contract event; the callback gets only the payload.
 *   It throws for a name that is not a contract event. It returns the unsubscribe function.
 */
export type WtcMethods = {
  readonly [M in MethodName]: (input?: MethodInput<M>) => Promise<ApiEnvelope>;
};

export interface WtcBridge {
  call(method: string, input?: unknown): Promise<ApiEnvelope>;
  on(event: EventName, callback: (payload: unknown) => void): () => void;
  readonly methods: WtcMethods;
}

/** The global name of the bridge: `window.wtc`. */
export const WTC_BRIDGE_KEY = 'wtc';
