import { afterEach } from 'vitest';
import { StoreClientRegistry } from '../ciashop/store-registry';
import { Branch, defaultSettings, type AlertEvent, type ScheduleJob, type Settings } from '../contract';
import { memoryAlertStateStore } from '../engine/alerts/alert-state';
import { EngineController } from '../engine/engine-controller';
import { CATALOGUE_JOBS } from '../engine/jobs/catalogue-jobs';
import { sendMail } from '../mail/smtp-mailer';
import { startTestSmtpServer, TEST_CERT, type TestSmtpServer } from '../mail/smtp-test-server.test-support';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { DatabaseService } from '../winthor/database-service';
import type { SqliteDb } from '../winthor/db/sqlite-db';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { createEnginePorts } from './engine-ports';
import { EventBus } from './event-bus';
import { createMonitoring } from './monitoring-runtime';

export const ALERTS_FROM = 'alertas@empresa.com.br';

export interface AlertPathOptions {
  /** Products of the embedded WinThor (its categories are what the runs send). */
  products: number;
  /** The store sandbox's hourly budget (0: no budget header). */
  budgetPerHour: number;
  /**
   * Mail by a real SMTP server (user ALERTS_FROM with this password, STARTTLS) to ti@empresa.com.br and
   * these copies; without it the branch has no e-mail and a mail sent is dropped.
   */
  mail?: { password: string; cc?: string[] };
  /** The monitoring settings (the UI link in the mails), else the defaults. */
  monitoring?: Settings['monitoring'];
}

export interface AlertPath {
  db: SqliteDb;
  sandbox: StoreSandbox;
  /** The SMTP server when `mail` was given. */
  smtp: TestSmtpServer | null;
  settings: Settings;
  clock: SkippingClock;
  database: DatabaseService;
  stores: StoreClientRegistry;
  ports: ReturnType<typeof createEnginePorts>;
  monitoring: ReturnType<typeof createMonitoring>;
  /** The alerts raised (the "alert.raised" events), in order. */
  alerts: AlertEvent[];
  /** What the monitoring logged: its messages and its log lines. */
  lines: string[];
  /**
   * Runs a job of branch 1 as the schedule would, waits for it and for its alert, then does the minute's
   * look (tick). Returns the run id (null when no run started).
   */
  run(job?: ScheduleJob): Promise<number | null>;
  /** Stops the engine and closes the store clients, the sandbox, the SMTP server and the database. */
  stop(): Promise<void>;
}

/**
 * The whole alert path on real parts, as create-runtime wires it: the embedded WinThor (our schema
 * installed), the store sandbox, the engine and its events, the monitoring's own ports, nodemailer and a
 * real SMTP server when asked. Time is simulated (a skipping clock), so an hour takes seconds.
 */
export const startAlertPath = async (options: AlertPathOptions): Promise<AlertPath> => {
  const db = await createTestWinthor({ products: options.products, customers: 1 });
  await install(db);
  const sandbox = await startStoreSandbox({ budgetPerHour: options.budgetPerHour });
  const smtp = options.mail
    ? await startTestSmtpServer({ user: ALERTS_FROM, password: options.mail.password })
    : null;
  const settings: Settings = {
    ...defaultSettings(),
    database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: ':memory:' } },
    ...(options.monitoring ? { monitoring: options.monitoring } : {}),
    branches: [
      Branch.parse({
        code: '1',
        name: 'Matriz',
        store: { url: sandbox.url, token: sandbox.token },
        schedules: [],
        ...(smtp && options.mail
          ? {
              email: {
                enabled: true,
                host: '127.0.0.1',
                port: smtp.port,
                protocol: 'starttls',
                from: ALERTS_FROM,
                user: ALERTS_FROM,
                password: options.mail.password,
                to: ['ti@empresa.com.br'],
                ...(options.mail.cc ? { cc: options.mail.cc } : {}),
              },
            }
          : {}),
      }),
    ],
  };
  const clock = new SkippingClock();
  const database = new DatabaseService(() => settings, { open: async () => db });
  const stores = new StoreClientRegistry(() => settings, { clock });
  const events = new EventBus();
  const lines: string[] = [];
  const alerts: AlertEvent[] = [];
  events.on('alert.raised', (event) => alerts.push(event));
  const monitoring = createMonitoring({
    settings: () => settings,
    database,
    stores,
    events,
    send: smtp
      ? (server, mail) => sendMail(server, mail, { tlsCa: TEST_CERT })
      : async () => ({ response: '250 OK', accepted: [] }),
    state: memoryAlertStateStore(),
    now: () => new Date(clock.now()),
    log: (_level, message) => lines.push(message),
    logLine: (line) => lines.push(line.message),
  });
  // As create-runtime wires it: the engine's finished runs reach the alerts through the event bus.
  const told: Array<Promise<void>> = [];
  events.on('sync.run', (event) => {
    if (event.phase === 'finished') told.push(monitoring.alerts.runFinished(event));
  });
  const ports = createEnginePorts({ settings: () => settings, database, stores, clock });
  const engine = new EngineController({
    ports,
    jobs: CATALOGUE_JOBS,
    scheduler: false,
    onEvent: (event) => events.emit('sync.run', event),
  });
  engine.start();
  return {
    db,
    sandbox,
    smtp,
    settings,
    clock,
    database,
    stores,
    ports,
    monitoring,
    alerts,
    lines,
    run: async (job = 'categories') => {
      const { started } = await engine.run({ branch: '1', job }, 'schedule');
      await engine.runner?.activeRun('1', job)?.finished;
      await Promise.all(told.splice(0));
      await monitoring.alerts.tick();
      return started[0]?.runId ?? null;
    },
    stop: async () => {
      await engine.stop();
      stores.close();
      await sandbox.stop();
      await smtp?.close();
      await db.close();
    },
  };
};

/**
 * For a describe block: a `start` that builds the alert path for one test, stopped after it (also when the
 * test fails half-way).
 */
export const alertPathPerTest = (): ((options: AlertPathOptions) => Promise<AlertPath>) => {
  let stop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    const stopping = stop;
    stop = null;
    await stopping?.();
  });
  return async (options) => {
    const path = await startAlertPath(options);
    stop = path.stop;
    return path;
  };
};
