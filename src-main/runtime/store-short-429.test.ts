import { describe, expect, it } from 'vitest';
import { alertPathPerTest } from './alert-path.test-support';

const MINUTE = 60_000;

/**
 * Only a long Retry-After is the store's budget out (a pause, ADR 0033). A storm of 429s with a SHORT
 * Retry-After that uses up the retries is a failure like any other: alerted, the health red. And a run
 * stopped by a real pause does not count as the failing job working again.
 */
describe('429s that are not the budget out', () => {
  const start = alertPathPerTest();

  it('a short-429 storm fails the run and alerts; a later long pause is not a recovery, the next good run is', async () => {
    const path = await start({ products: 5, budgetPerHour: 1000 });
    const { db, sandbox, clock, alerts, monitoring } = path;
    const runOnce = async () => {
      await path.run('categories');
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
