import type { AppStatus, ScheduleJob } from '../contract';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { buildStatus, type AppInfo } from '../api/handlers/app-handlers';
import { sendMail, type MailerOptions } from '../mail/smtp-mailer';
import { alertStateFile } from './alert-state-file';
import { createMonitoring, startMonitoringTimers, writeAlertLine } from './monitoring-runtime';
import type { StartAtLoginPort } from '../api/handlers/system-handlers';
import { StoreClientRegistry } from '../ciashop/store-registry';
import type { SettingsService } from '../config/settings-service';
import { EngineController } from '../engine/engine-controller';
import type { FirstSyncHold } from '../engine/setup/first-sync-hold';
import type { AlertMonitor } from '../engine/alerts/alert-monitor';
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
import { storeCodeRecordSource } from './seen-codes-source';
import { NO_ENGINE_STORE_NOTE, readStoreCodes, standbyNote } from '../engine/mappings/store-codes';
import { latestRuns } from '../winthor';
import { SetupMonitor } from './setup-monitor';
import { withSetupMarks } from './setup-marking';
import type { LeaseKeeper } from '../engine/lease/lease-keeper';
import { createRuntimeLease } from './runtime-lease';
import { createRuntimeFirstSync } from './runtime-first-sync';
import { runtimeHandlers } from './runtime-handlers';

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
  /** How alert mails connect (tests: the local SMTP server's certificate, short time-outs). */
  mail?: MailerOptions;
  /**
   * Starts the engine as soon as the runtime exists. Default true; a host that first brings the
   * integration schema up to date (runtime/schema-at-start.ts) passes false and calls engine.start() itself.
   */
  startEngine?: boolean;
  /** "Iniciar com o Windows": only the desktop host has a login item. */
  startAtLogin?: StartAtLoginPort;
  /** A headless host run as the Windows service (WTC_SERVICE=1): `app.status` says so. */
  service?: boolean;
  /** The database lease's timing (ADR 0310; tests shorten it): renewal every 30 s, expiry after 120 s. */
  lease?: { renewMs?: number; expirySeconds?: number; deadQuietSeconds?: number };
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
  /** Alerts on state changes (tray events, mails) and their health; null when the engine does not run. */
  readonly alerts: AlertMonitor | null;
  status(): AppStatus;
  /** The host's log (console of `serve`, local log file); what the demo parts report goes there. */
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** The first-run guide's live measure (ADR 0401); it tells the engine what it waits for. */
  readonly setup: SetupMonitor;
  /** Whether a branch's catalogue waits for its first-sync preview, and "started by hand" (ADR 0406). */
  readonly firstSync: FirstSyncHold;
  /** This engine's lease on the WinThor database (ADR 0310); null where no job runs. */
  readonly lease: LeaseKeeper | null;
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
    service: options.service ?? false,
    web: null,
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
      ...(line.runId !== null ? { runId: line.runId } : {}),
    });
  };
  // Marks that may release a held first sync: the guide measures again and the engine asks once more.
  const setupChanged = () => {
    setup.changed();
    void engine.releaseHeld();
  };
  const { marks, firstSync } = createRuntimeFirstSync({
    dataDir: options.dataDir,
    settings: options.settings,
    database,
    changed: () => setupChanged(),
  });
  // Alerts and retention run where the scheduler runs (not in a one-shot command beside the service).
  const watching = ports !== undefined && options.scheduler !== false;
  // Wherever jobs may run — the one-shot `sync` too: beside a running service it is refused, not a second engine.
  const {
    keeper: lease,
    claim: leaseClaim,
    close: closeLease,
  } = createRuntimeLease({
    runsJobs: ports !== undefined,
    settings: options.settings,
    who: { dataDir: options.dataDir, version: info.version, host: info.host },
    ...(options.lease ? { timing: options.lease } : {}),
    now,
    onChange: (standing) => engine.setLease(standing),
    logLine,
  });
  const engine = new EngineController({
    ports,
    firstSync,
    scheduler: options.scheduler !== false,
    ...(lease ? { leaseSettled: () => lease.ready() } : {}),
    jobs: { ...CATALOGUE_JOBS, ...ORDER_JOBS },
    now,
    onChange: () => {
      if (runtime) events.emit('app.status', buildStatus(info, engine));
    },
    onEvent: (event) => events.emit('sync.run', event),
    onLog: logLine,
    onSchemaHoldOverridden: (resumedByHand) => alerts?.engineOverridden(resumedByHand),
    // Held by the schema check: the lease is freed for an engine whose version matches the tables (ADR 0313).
    onLeaseSuspended: (suspended) => void lease?.suspend(suspended),
  });
  const unsubscribeSettings = options.settings.onChange(() => engine.settingsChanged());
  const send = (server: Parameters<typeof sendMail>[0], mail: Parameters<typeof sendMail>[1]) =>
    sendMail(server, mail, options.mail ?? {});
  const monitoring = watching
    ? createMonitoring({
        settings: () => options.settings.get(),
        database,
        stores,
        events,
        send,
        state: alertStateFile(options.dataDir),
        now,
        log,
        logLine: (line) => {
          logLine(line);
          void writeAlertLine(database, line);
        },
      })
    : null;
  const alerts = monitoring?.alerts ?? null;
  const unsubscribeRuns = events.on('sync.run', (event) => {
    if (event.phase === 'finished' && alerts) void alerts.runFinished(event).catch(() => {});
  });
  const stopMonitoring = monitoring ? startMonitoringTimers(monitoring, log) : () => {};

  const sampler = new StoreCodeSampler(storeOrderReader(stores), { clock: systemClock });
  // The order import's record first: a code of the last order run shows at once (ADR 0223).
  const seen = storeCodeRecordSource(database);
  // eslint-disable-next-line prefer-const -- the monitor reads the dispatcher built below
  let api: Dispatcher;
  const setup = new SetupMonitor(
    {
      settings: () => options.settings.get(),
      demo: info.demo,
      check: () => api.invoke('db.check', {}),
      storeStates: () => stores.states(),
      marks: () => marks.read(),
      isAvailable: (job) => engine.runner?.isAvailable(job) ?? false,
      // The guide's own look reads no store in standby, nor without an engine in this process (the CLI's
      // diagnostics, no lease): the engine that holds the database does (#12). It waits for the lease's
      // first answer: a look at start is not skipped only because the first claim is still on its way.
      storeCodes: async (branch, kind) => {
        if (lease?.isStarted()) await lease.settled();
        return readStoreCodes(
          {
            settings: () => options.settings.get(),
            sampler,
            seen,
            now,
            storeReadsOff: () => (options.engine === false ? NO_ENGINE_STORE_NOTE : standbyNote(lease)),
          },
          { branch, kind },
        );
      },
      latestRuns: (branch) => database.use((db) => latestRuns(db, branch)),
      firstSyncHeld: (branch) => firstSync.isHeld(branch),
    },
    now,
    watching ? engine : null,
  );
  const handlers = runtimeHandlers({
    info,
    engine,
    lease,
    leaseInstanceId: lease ? leaseClaim.instanceId : null,
    engineInProcess: options.engine !== false,
    settings: options.settings,
    database,
    stores,
    sampler,
    seen,
    now,
    send,
    alerts,
    setup,
    dataDir: options.dataDir,
    ...(options.startAtLogin ? { startAtLogin: options.startAtLogin } : {}),
    api: () => api,
  });
  api = createDispatcher(
    withSetupMarks(handlers, marks, () => options.settings.get(), setupChanged),
    {
      onUnexpectedError: (method, error) =>
        log('error', `Erro inesperado em ${method}: ${(error as Error)?.stack ?? String(error)}`),
    },
  );

  runtime = {
    info,
    settings: options.settings,
    engine,
    events,
    database,
    api,
    dataDir: options.dataDir,
    stores,
    alerts,
    setup,
    firstSync,
    lease,
    status: () => buildStatus(info, engine),
    log,
    setDemoStoreUrl: (url) => {
      info.demoStoreUrl = url;
      events.emit('app.status', buildStatus(info, engine));
    },
    close: async () => {
      unsubscribeSettings();
      unsubscribeRuns();
      unsubscribeSetup();
      setup.stop();
      stopMonitoring();
      await engine.stop();
      // A clean stop frees the database at once for another engine (ADR 0310).
      await lease?.stop();
      await closeLease();
      stores.close();
      await database.close();
    },
  };
  // Anything that may open or close a step asks for a new measure; the engine follows it (ADR 0402).
  const unsubscribeSetupSettings = options.settings.onChange(() => {
    setup.changed();
    // Another database (or the first one): claim it now, not at the next renewal.
    if (lease?.isStarted()) void lease.look();
  });
  const unsubscribeSetupRuns = events.on('sync.run', (event) => {
    if (event.phase === 'finished') setup.changed();
  });
  const unsubscribeSetup = () => {
    unsubscribeSetupSettings();
    unsubscribeSetupRuns();
  };
  if (watching) setup.start();
  // A host claims the database at once; a one-shot command (`sync`) at its first run (ready()).
  if (watching) lease?.start();
  if (options.startEngine !== false) engine.start();
  return runtime;
};
