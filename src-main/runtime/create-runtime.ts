import type { AppStatus, ScheduleJob } from '../contract';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import type { Handlers } from '../api/handlers';
import { appHandlers, buildStatus, type AppInfo } from '../api/handlers/app-handlers';
import { databaseHandlers } from '../api/handlers/database-handlers';
import { mappingHandlers } from '../api/handlers/mapping-handlers';
import { orderHandlers } from '../api/handlers/order-handlers';
import { settingsHandlers } from '../api/handlers/settings-handlers';
import { storeHandlers } from '../api/handlers/store-handlers';
import { syncHandlers } from '../api/handlers/sync-handlers';
import { StoreClientRegistry } from '../ciashop/store-registry';
import type { SettingsService } from '../config/settings-service';
import { EngineController } from '../engine/engine-controller';
import { CATALOGUE_JOBS } from '../engine/jobs/catalogue-jobs';
import { StoreCodeSampler } from '../engine/mappings/store-code-sampler';
import { systemClock } from '../shared/clock';
import { ORDER_JOBS } from '../engine/orders/order-jobs';
import type { LogRecord } from '../winthor';
import { createEnginePorts } from './engine-ports';
import { DatabaseService } from '../winthor/database-service';
import { readPackageInfo } from './app-info';
import { EventBus } from './event-bus';
import { storeOrderReader } from './store-order-reader';

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
  /** The host's log (console of `serve`, local log file); what the demo parts report goes there. */
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** The demo store's read-only page (`app.status` demoStoreUrl), set by the demo's sandbox part. */
  setDemoStoreUrl(url: string | null): void;
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
    demoStoreUrl: null,
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
      : createEnginePorts({
          settings: () => options.settings.get(),
          database,
          stores,
          jobs: Object.keys({ ...CATALOGUE_JOBS, ...ORDER_JOBS }) as ScheduleJob[],
        });
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
    jobs: { ...CATALOGUE_JOBS, ...ORDER_JOBS },
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
    ...mappingHandlers(options.settings, database, {
      sampler: new StoreCodeSampler(storeOrderReader(stores), { clock: systemClock }),
      now,
    }),
    ...orderHandlers(options.settings, database),
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
    log,
    setDemoStoreUrl: (url) => {
      info.demoStoreUrl = url;
      events.emit('app.status', buildStatus(info, engine));
    },
    close: async () => {
      unsubscribeSettings();
      await engine.stop();
      stores.close();
      await database.close();
    },
  };
  engine.start();
  return runtime;
};
