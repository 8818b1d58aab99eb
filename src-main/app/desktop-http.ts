import { join } from 'node:path';
import type { Runtime } from '../runtime/create-runtime';
import { startHttpServer } from '../server/http-server';
import { loadOrCreateSessionSecret } from '../server/session-secret';

export type DesktopHttp =
  { ok: true; url: string; close(): Promise<void> } | { ok: false; message: string; close(): Promise<void> };

/** WTC_PORT overrides the configured port for this run (0 = any free port, used by the tests). */
export const portOverride = (env: NodeJS.ProcessEnv = process.env): number | undefined => {
  const text = env.WTC_PORT;
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
};

/**
 * The desktop app also serves the browser UI (http://localhost:7585) like the headless host. A taken port
 * or an unsafe address is reported, never fatal: the window keeps working over IPC.
 */
export const startDesktopHttp = async (
  runtime: Runtime,
  uiDir: string,
  dataDir: string,
): Promise<DesktopHttp> => {
  const port = portOverride();
  try {
    const { app, url } = await startHttpServer({
      runtime,
      uiDir,
      sessionSecret: loadOrCreateSessionSecret(join(dataDir, 'session.secret')),
      ...(port !== undefined ? { port, portSource: 'env' as const } : {}),
    });
    return { ok: true, url, close: () => app.close() };
  } catch (error) {
    return { ok: false, message: (error as Error).message, close: async () => {} };
  }
};
