import { afterEach, describe, expect, it } from 'vitest';
import { StoreClientRegistry } from '../ciashop/store-registry';
import { monitorHandlers } from '../api/handlers/monitor-handlers';
import { Branch, defaultSettings, type AlertEvent, type Settings } from '../contract';
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
import { budgetLeft } from '../ciashop/api-budget';
import type { SettingsService } from '../config/settings-service';
import { createEnginePorts } from './engine-ports';
import { EventBus } from './event-bus';
import { createMonitoring } from './monitoring-runtime';

const MINUTE = 60_000;

/**
 * A 429 from the store (its hourly budget used up, Retry-After in 15 minutes) on real parts: the embedded
 * WinThor, the store sandbox's rate-limit fault, the engine, the monitoring's ports and a real SMTP server.
 * The store said "stop": no calls left until then — for the Painel, the alert and the job priorities
 * (ADR 0033) — and the runs wait (partial, "sem orçamento"), they do not fail.
 */
describe('the store answers 429 with Retry-After', () => {
  let stop: () => Promise<void> = async () => {};
  afterEach(async () => {
    await stop();
  });

  it('counts as the budget out until Retry-After: Painel 0 left, one "limite esgotado" mail, runs starved not failed', async () => {
    const db: SqliteDb = await createTestWinthor({ products: 15, customers: 1 });
    await install(db);
    const sandbox: StoreSandbox = await startStoreSandbox({ budgetPerHour: 1000 });
    const smtp: TestSmtpServer = await startTestSmtpServer({
      user: 'alertas@empresa.com.br',
      password: 'x1',
    });
    const settings: Settings = {
      ...defaultSettings(),
      database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: ':memory:' } },
      branches: [
        Branch.parse({
          code: '1',
          name: 'Matriz',
          store: { url: sandbox.url, token: sandbox.token },
          schedules: [],
          email: {
            enabled: true,
            host: '127.0.0.1',
            port: smtp.port,
            protocol: 'starttls',
            from: 'alertas@empresa.com.br',
            user: 'alertas@empresa.com.br',
            password: 'x1',
            to: ['ti@empresa.com.br'],
          },
        }),
      ],
    };
    const clock = new SkippingClock();
    const database = new DatabaseService(() => settings, { open: async () => db });
    const stores = new StoreClientRegistry(() => settings, { clock });
    const events = new EventBus();
    const alerts: AlertEvent[] = [];
    events.on('alert.raised', (event) => alerts.push(event));
    const monitoring = createMonitoring({
      settings: () => settings,
      database,
      stores,
      events,
      send: (server, mail) => sendMail(server, mail, { tlsCa: TEST_CERT }),
      state: memoryAlertStateStore(),
      now: () => new Date(clock.now()),
      log: () => {},
      logLine: () => {},
    });
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
    stop = async () => {
      await engine.stop();
      stores.close();
      await sandbox.stop();
      await smtp.close();
      await db.close();
    };
    const painel = monitorHandlers(
      { get: () => settings } as unknown as SettingsService,
      database,
      (branch) => {
        const budget = stores.forBranch(branch).state().budget;
        return budgetLeft(budget, budget.remaining);
      },
      () => monitoring.alerts.health(),
      () => new Date(clock.now()),
    );
    const runOnce = async (job: 'categories' | 'products') => {
      await engine.run({ branch: '1', job }, 'schedule');
      await engine.runner?.activeRun('1', job)?.finished;
      await Promise.all(told.splice(0));
      await monitoring.alerts.tick();
      return (await db.queryOne(`SELECT STATUS, MESSAGE, COUNTS FROM WTC_RUN ORDER BY ID DESC`))!;
    };

    sandbox.faults.add({ type: 'rate-limit', retryAfterSeconds: 15 * 60 });
    const first = await runOnce('categories');
    expect(first.STATUS).toBe('partial');
    expect(first.MESSAGE).toMatch(/a loja respondeu 429 e pediu uma pausa até \d\d:\d\d/);
    expect(JSON.parse(first.COUNTS as string).starved).toBeGreaterThan(0);
    // Every view of the budget says "none left" (the header of the 429 said 1000/1: 999 by the other reading).
    const store = ports.store(settings.branches[0]!);
    expect(store.budget()).toMatchObject({ remaining: 0, limit: 1000 });
    const activity = await painel['monitor.activity']({ range: '24h' }, { origin: 'internal' } as never);
    expect(activity.branches[0]!.budget).toMatchObject({ remaining: 0, limit: 1000 });
    const pause = Date.parse(activity.branches[0]!.budget.blockedUntil!) - clock.now();
    expect(Math.abs(pause - 15 * MINUTE)).toBeLessThan(5_000);
    expect(monitoring.alerts.health()).toMatchObject({
      level: 'warning',
      summaryRef: { key: 'health.budgetOut' },
    });

    // Within the pause, the other jobs call nothing: they are starved at once.
    const callsBefore = sandbox.totalCalls();
    clock.advance(MINUTE);
    sandbox.faults.clear();
    const waiting = await runOnce('categories');
    expect(waiting.STATUS).toBe('partial');
    expect(sandbox.totalCalls()).toBe(callsBefore);

    // One mail for the episode, none saying a job failed.
    await monitoring.alerts.tick();
    expect(alerts.map((a) => a.kind)).toEqual(['budget_exhausted']);
    expect(smtp.received.map((m) => m.subject)).toEqual([
      '[Integrador WinThor Ciashop] Limite de chamadas da loja esgotado nesta hora (filial 1)',
    ]);
    expect(smtp.received[0]!.text).toMatch(/A loja respondeu 429 .* pediu uma pausa até /);

    // Past Retry-After the store is called again and the budget is what the header says.
    clock.advance(15 * MINUTE);
    const after = await runOnce('categories');
    expect(after.STATUS).toBe('ok');
    expect(store.budget().remaining).toBeGreaterThan(0);
    expect(store.budget().blockedUntil ?? null).toBeNull();
  }, 60_000);
});
