import { afterEach, describe, expect, it } from 'vitest';
import { StoreClientRegistry } from '../ciashop/store-registry';
import { Branch, defaultSettings, type AlertEvent, type Settings } from '../contract';
import { memoryAlertStateStore } from '../engine/alerts/alert-state';
import { EngineController } from '../engine/engine-controller';
import { CATALOGUE_JOBS } from '../engine/jobs/catalogue-jobs';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { DatabaseService } from '../winthor/database-service';
import type { SqliteDb } from '../winthor/db/sqlite-db';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { createEnginePorts } from './engine-ports';
import { EventBus } from './event-bus';
import { createMonitoring } from './monitoring-runtime';

const MINUTE = 60_000;

/**
 * Only a long Retry-After is the store's budget out (a pause, ADR 0033). A storm of 429s with a SHORT
 * Retry-After that uses up the retries is a failure like any other: alerted, the health red. And a run
 * stopped by a real pause does not count as the failing job working again.
 */
describe('429s that are not the budget out', () => {
  let stop: () => Promise<void> = async () => {};
  afterEach(async () => {
    await stop();
  });

  it('a short-429 storm fails the run and alerts; a later long pause is not a recovery, the next good run is', async () => {
    const db: SqliteDb = await createTestWinthor({ products: 5, customers: 1 });
    await install(db);
    const sandbox: StoreSandbox = await startStoreSandbox({ budgetPerHour: 1000 });
    const settings: Settings = {
      ...defaultSettings(),
      database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: ':memory:' } },
      branches: [
        Branch.parse({
          code: '1',
          name: 'Matriz',
          store: { url: sandbox.url, token: sandbox.token },
          schedules: [],
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
      send: async () => ({ response: '250 OK', accepted: [] }),
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
      await db.close();
    };
    const runOnce = async () => {
      await engine.run({ branch: '1', job: 'categories' }, 'schedule');
      await engine.runner?.activeRun('1', 'categories')?.finished;
      await Promise.all(told.splice(0));
      await monitoring.alerts.tick();
      return (await db.queryOne(`SELECT STATUS, MESSAGE FROM WTC_RUN ORDER BY ID DESC`))!;
    };

    // Every call answered 429 with Retry-After 2 s: waited through, retried, the retries used up.
    sandbox.faults.add({ type: 'rate-limit', retryAfterSeconds: 2 });
    const storm = await runOnce();
    expect(storm.STATUS).toBe('failed');
    expect(storm.MESSAGE).not.toMatch(/pediu uma pausa/);
    expect(alerts.map((a) => a.kind)).toEqual(['job_failed']);
    expect(monitoring.alerts.health().level).toBe('error');

    // Then the store's budget is out (Retry-After 15 min): the run waits, the job is not "back".
    sandbox.faults.clear();
    clock.advance(MINUTE);
    sandbox.faults.add({ type: 'rate-limit', retryAfterSeconds: 15 * 60 });
    const paused = await runOnce();
    expect(paused.STATUS).toBe('partial');
    expect(paused.MESSAGE).toMatch(/pediu uma pausa até \d\d:\d\d/);
    sandbox.faults.clear();
    clock.advance(MINUTE);
    const starved = await runOnce(); // within the pause: starved at once, no call
    expect(starved.STATUS).toBe('partial');
    expect(alerts.map((a) => a.kind)).not.toContain('job_recovered');
    expect(monitoring.alerts.health().level).toBe('error');

    // Past the pause the job works: now it is back.
    clock.advance(15 * MINUTE);
    const after = await runOnce();
    expect(after.STATUS).toBe('ok');
    expect(alerts.map((a) => a.kind)).toContain('job_recovered');
    expect(monitoring.alerts.health().level).not.toBe('error');
  }, 60_000);
});
