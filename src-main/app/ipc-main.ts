import type { BrowserWindow, IpcMain } from 'electron';
import { events, type EventName } from '../contract';
import type { Runtime } from '../runtime/create-runtime';
import { createIpcCallHandler } from './ipc-call-handler';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';

export interface IpcOptions {
  ipcMain: IpcMain;
  runtime: Runtime;
  isAppUrl: (url: string | undefined) => boolean;
  getWindow: () => BrowserWindow | undefined;
  log: (level: 'warn', message: string) => void;
}

/** `wtc:call` → the dispatcher; every contract event → `wtc:event` to the window (only while it shows the UI). */
export const registerIpc = (options: IpcOptions): (() => void) => {
  const { ipcMain, runtime, isAppUrl, getWindow, log } = options;
  const handle = createIpcCallHandler({
    isTrustedSender: isAppUrl,
    call: (method, input, context) => runtime.api.call(method, input, context),
    onRefused: (url, method) =>
      log('warn', `Chamada IPC recusada de ${url ?? '(desconhecido)'} para ${String(method)}.`),
  });
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    handle(event.senderFrame?.url, method, input),
  );

  const unsubscribers = (Object.keys(events) as EventName[]).map((name) =>
    runtime.events.on(name, (payload) => {
      const window = getWindow();
      if (!window || window.isDestroyed()) return;
      const contents = window.webContents;
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
      contents.send(EVENT_CHANNEL, name, payload);
    }),
  );
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    for (const off of unsubscribers) off();
  };
};
