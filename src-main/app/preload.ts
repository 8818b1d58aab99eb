// Sandboxed preload: bundled to dist/main/preload.cjs; it may only require('electron').
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, MethodName } from '../contract';
import { WTC_BRIDGE_KEY } from '../contract/bridge';
import { EVENT_CHANNEL } from './ipc-channels';
import { createWtcBridge } from './preload-bridge';

/** Inlined by scripts/build-main.mjs from METHOD_NAMES and the contract's events. */
declare const __WTC_METHOD_NAMES__: readonly MethodName[];
declare const __WTC_EVENT_NAMES__: readonly EventName[];

const bridge = createWtcBridge(
  {
    invoke: (channel, method, input) => ipcRenderer.invoke(channel, method, input),
    subscribe: (listener) => {
      // The IpcRendererEvent stays here: the page gets only the payload.
      const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
        if (typeof name === 'string') listener(name, payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, onEvent);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
      };
    },
  },
  { methods: __WTC_METHOD_NAMES__, events: __WTC_EVENT_NAMES__ },
);

contextBridge.exposeInMainWorld(WTC_BRIDGE_KEY, bridge);
