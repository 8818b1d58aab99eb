import { join } from 'node:path';
import { openHeadlessSettings } from '../config/headless-settings';
import { AppError } from '../shared/app-error';
import { readPackageInfo } from '../runtime/app-info';
import { createRuntime, type Runtime } from '../runtime/create-runtime';
import { startDemo } from '../runtime/demo';
import { claimDataFolder, DataFolderInUseError, startEngineAfterSchemaCheck } from '../runtime/host-start';
import { createLocalLog, type LocalLog } from '../runtime/local-log';
import { resolveUiDir } from '../runtime/paths';
import { startHttpServer } from './http-server';
import { loadOrCreateSessionSecret } from './session-secret';

export interface HeadlessOptions {
  dataDir: string;
  demo?: boolean;
  port?: number;
  host?: string;
  uiDir?: string;
  /**
   * Where else the host's messages go (the console of `serve`); they always go to the local log too.
   * Not called as the Windows service (ADR 0316): its console is NSSM's service.log, which keeps only what
   * `serve` prints itself (start, stop, a refusal or crash).
   */
  log?: LocalLog;
  /** Runs as the Windows service (WTC_SERVICE=1): the lock and the Painel say so. */
  service?: boolean;
  /** What set `port`: serve --port (default) or WTC_PORT. */
  portSource?: 'flag' | 'env';
}

/** The headless host's local log, in `<data folder>/logs/` (ADR 0011). */
export const HEADLESS_LOG_FILE = 'headless.log';

export interface HeadlessHost {
  runtime: Runtime;
  url: string;
  close(): Promise<void>;
}

const describeError = (error: unknown): string =>
  error instanceof AppError
    ? `${error.message}${error.fix ? ` ${error.fix}` : ''}`
    : ((error as Error)?.message ?? String(error));

/** Plain Node host: the same engine and API as the desktop, served over HTTP (also a Windows service). */
export const startHeadless = async (options: HeadlessOptions): Promise<HeadlessHost> => {
  const fileLog = createLocalLog({ dir: join(options.dataDir, 'logs'), fileName: HEADLESS_LOG_FILE });
  const log: LocalLog = (level, message) => {
    if (!options.service) options.log?.(level, message);
    fileLog(level, message);
  };
  try {
    const host = await startParts(options, log);
    // The console of `serve` already shows the address and a failure to start; the file keeps them too.
    fileLog(
      'info',
      `Integrador ${host.runtime.info.version} no ar em ${host.url}${options.demo ? ' (demonstração)' : ''}.`,
    );
    return {
      ...host,
      close: async () => {
        await host.close();
        fileLog('info', 'Integrador encerrado.');
      },
    };
  } catch (error) {
    // Refused because another host runs on the folder: that host's log is not this process's to write
    // (stderr and the exit code say it, ADR 0316).
    if (!(error instanceof DataFolderInUseError))
      fileLog('error', `Não foi possível iniciar: ${describeError(error)}`);
    throw error;
  }
};

const startParts = async (options: HeadlessOptions, log: LocalLog): Promise<HeadlessHost> => {
  // One host per data folder, and never an app older than the last one that used it (ADR 0306, 0309).
  const lock = await claimDataFolder(options.dataDir, {
    host: 'headless',
    version: readPackageInfo().version,
    demo: options.demo ?? false,
    service: options.service ?? false,
  });
  let runtime: Runtime | undefined;
  let stopDemo = async () => {};
  let closeHttp = async () => {};
  const closeAll = async () => {
    await closeHttp();
    await stopDemo();
    await runtime?.close();
    await lock.release();
  };
  try {
    const settings = openHeadlessSettings(options.dataDir, (message) => log('warn', message));
    runtime = createRuntime({
      host: 'headless',
      demo: options.demo ?? false,
      settings,
      dataDir: options.dataDir,
      log,
      startEngine: false,
      service: options.service ?? false,
    });
    if (options.demo) stopDemo = await startDemo(runtime);
    const { app, url } = await startHttpServer({
      runtime,
      uiDir: options.uiDir ?? resolveUiDir(),
      sessionSecret: loadOrCreateSessionSecret(join(options.dataDir, 'session.secret')),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.portSource !== undefined ? { portSource: options.portSource } : {}),
      ...(options.host !== undefined ? { host: options.host } : {}),
    });
    closeHttp = () => app.close();
    lock.setUrl(url);
    // Service mode: an upgrade's schema migrations run by themselves, logged (ADR 0309).
    await startEngineAfterSchemaCheck(runtime, { confirm: async () => true, log, updateWithoutAsking: true });
    return { runtime, url, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
};
