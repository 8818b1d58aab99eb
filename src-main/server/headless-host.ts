import { join } from 'node:path';
import { openHeadlessSettings } from '../config/headless-settings';
import { createRuntime, type Runtime } from '../runtime/create-runtime';
import { startDemo } from '../runtime/demo';
import { resolveUiDir } from '../runtime/paths';
import { startHttpServer } from './http-server';
import { loadOrCreateSessionSecret } from './session-secret';

export interface HeadlessOptions {
  dataDir: string;
  demo?: boolean;
  port?: number;
  host?: string;
  uiDir?: string;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface HeadlessHost {
  runtime: Runtime;
  url: string;
  close(): Promise<void>;
}

/** Plain Node host: the same engine and API as the desktop, served over HTTP (also a Windows service). */
export const startHeadless = async (options: HeadlessOptions): Promise<HeadlessHost> => {
  const log = options.log ?? (() => {});
  const settings = openHeadlessSettings(options.dataDir, (message) => log('warn', message));
  const runtime = createRuntime({
    host: 'headless',
    demo: options.demo ?? false,
    settings,
    dataDir: options.dataDir,
    log,
  });
  const stopDemo = options.demo ? await startDemo(runtime) : async () => {};
  try {
    const { app, url } = await startHttpServer({
      runtime,
      uiDir: options.uiDir ?? resolveUiDir(),
      sessionSecret: loadOrCreateSessionSecret(join(options.dataDir, 'session.secret')),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.host !== undefined ? { host: options.host } : {}),
    });
    return {
      runtime,
      url,
      close: async () => {
        await app.close();
        await stopDemo();
        await runtime.close();
      },
    };
  } catch (error) {
    await stopDemo();
    await runtime.close();
    throw error;
  }
};
