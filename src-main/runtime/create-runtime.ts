import type { AppStatus } from '../contract';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import type { Handlers } from '../api/handlers';
import { appHandlers, buildStatus, type AppInfo } from '../api/handlers/app-handlers';
import { databaseHandlers } from '../api/handlers/database-handlers';
import { settingsHandlers } from '../api/handlers/settings-handlers';
import { storeHandlers } from '../api/handlers/store-handlers';
import { syncHandlers } from '../api/handlers/sync-handlers';
import { systemHandlers, type StartAtLoginPort } from '../api/handlers/system-handlers';
import { StoreClientRegistry } from '../ciashop/store-registry';
import type { SettingsService } from '../config/settings-service';
import { EngineController } from '../engine/engine-controller';
import { CATALOGUE_JOBS } from '../engine/jobs/catalogue-jobs';
import type { LogRecord } from '../winthor';
import { createEnginePorts } from './engine-ports';
import { DatabaseService } from '../winthor/database-service';
import { readPackageInfo } from './app-info';
import { EventBus } from './event-bus';
import { buildDiagnosticPackage } from './diagnostics/diagnostic-package';
import { join } from 'node:path';

export interface RuntimeOptions {
  host: AppStatus['host'];
  demo?: boolean;
  settings: SettingsService;
  dataDir: string;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Runs the sync engine (scheduler and jobs). Default true; false for a host that must not sync. */
  engine?: boolean;
  /**
   * Starts the scheduler and marks runs left "running" by a previous process as interrupted. Default true;
   * false for a one-shot command (the CLI's sync) that may run beside the service on the same database.
   */
  scheduler?: boolean;
  /**
   * Starts the engine as soon as the runtime exists. Default true; a host that first brings the
   * integration schema up to date (runtime/schema-at-start.ts) passes false and calls engine.start() itself.
   */
  startEngine?: boolean;
  /** "Iniciar com o Windows": only the desktop host has a login item. */
  startAtLogin?: StartAtLoginPort;
}

/** Everything a host needs, built once: settings, engine, events and the API dispatcher. */
export interface Runtime {
  readonly info: AppInfo;
  readonly settings: SettingsService;
  readonly engine: EngineController;
  readonly events: EventBus;
  /** The WinThor database (Oracle or embedded), opened lazily from the settings. */
  readonly database: DatabaseService;
  readonly api: Dispatcher;
  readonly dataDir: string;
  /** One store client per branch (budget, spacing and circuit breaker per store). */
  readonly stores: StoreClientRegistry;
  status(): AppStatus;
  close(): Promise<void>;
}

export const createRuntime = (options: RuntimeOptions): Runtime => {
  const now = options.now ?? (() => new Date());
  const pkg = readPackageInfo();
  const info: AppInfo = {
    name: pkg.productName ?? 'Integrador WinThor Ciashop',
    version: pkg.version,
    host: options.host,
    demo: options.demo ?? false,
    startedAt: now(),
    now,
  };
  const events = new EventBus();
  const log = options.log ?? (() => {});
  // eslint-disable-next-line prefer-const -- assigned after the engine that needs it exists
  let runtime: Runtime;
  const database = new DatabaseService(() => options.settings.get());
  const stores = new StoreClientRegistry(() => options.settings.get(), {}, log);
  const ports =
    options.engine === false
      ? undefined
      : createEnginePorts({ settings: () => options.settings.get(), database, stores });
  const logLine = (line: LogRecord) => {
    if (line.level !== 'debug') log(line.level, line.message);
    events.emit('log.line', {
      at: line.at.toISOString(),
      level: line.level,
      message: line.message,
      ...(line.branch ? { branch: line.branch } : {}),
      ...(line.entity ? { entity: line.entity } : {}),
    });
  };
  const engine = new EngineController({
    ports,
    scheduler: options.scheduler !== false,
    jobs: CATALOGUE_JOBS,
    now,
    onChange: () => {
      if (runtime) events.emit('app.status', buildStatus(info, engine));
    },
    onEvent: (event) => events.emit('sync.run', event),
    onLog: logLine,
  });
  const unsubscribeSettings = options.settings.onChange(() => engine.settingsChanged());

  const handlers: Handlers = {
    ...appHandlers(info, engine),
    ...settingsHandlers(options.settings),
    ...databaseHandlers(options.settings, database),
    ...storeHandlers(stores),
    ...syncHandlers(engine, options.settings),
    ...systemHandlers({
      version: info.version,
      host: info.host,
      dataDir: options.dataDir,
      logsDir: join(options.dataDir, 'logs'),
      ...(options.startAtLogin ? { startAtLogin: options.startAtLogin } : {}),
      diagnostics: () =>
        buildDiagnosticPackage({
          version: info.version,
          host: info.host,
          demo: info.demo,
          dataDir: options.dataDir,
          logsDir: join(options.dataDir, 'logs'),
          settings: options.settings,
          api,
          database,
          status: () => buildStatus(info, engine),
          now,
        }),
    }),
  };
  const api = createDispatcher(handlers, {
    onUnexpectedError: (method, error) =>
      log('error', `Erro inesperado em ${method}: ${(error as Error)?.stack ?? String(error)}`),
  });

  runtime = {
    info,
    settings: options.settings,
    engine,
    events,
    database,
    api,
    dataDir: options.dataDir,
    stores,
    status: () => buildStatus(info, engine),
    close: async () => {
      unsubscribeSettings();
      await engine.stop();
      stores.close();
      await database.close();
    },
  };
  if (options.startEngine !== false) engine.start();
  return runtime;
};
