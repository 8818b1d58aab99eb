// Sandboxed preload: bundled to dist/main/preload.cjs; it may only require('electron').
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { WTC_BRIDGE_KEY } from '../api/contract/bridge';
import { EVENT_CHANNEL } from './ipc-channels';
import { createWtcBridge } from './preload-bridge';

const bridge = createWtcBridge({
  invoke: (channel, method, input) => ipcRenderer.invoke(channel, method, input),
  subscribe: (listener) => {
    // The IpcRendererEvent stays here: the page gets only the event name's payload.
    const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
    };
  },
});

contextBridge.exposeInMainWorld(WTC_BRIDGE_KEY, bridge);
