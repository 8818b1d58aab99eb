import { describe, expect, it } from 'vitest';
import { monitorHandlers } from '../api/handlers/monitor-handlers';
import { budgetLeft } from '../ciashop/api-budget';
import type { SettingsService } from '../config/settings-service';
import { alertPathPerTest } from './alert-path.test-support';

const MINUTE = 60_000;

/**
 * A 429 from the store (its hourly budget used up, Retry-After in 15 minutes) on real parts: the embedded
 * WinThor, the store sandbox's rate-limit fault, the engine, the monitoring's ports and a real SMTP server.
 * The store said "stop": no calls left until then — for the Painel, the alert and the job priorities
 * (ADR 0033) — and the runs wait (partial, "sem orçamento"), they do not fail.
 */
describe('the store answers 429 with Retry-After', () => {
  const start = alertPathPerTest();

  it('counts as the budget out until Retry-After: Painel 0 left, one "limite esgotado" mail, runs starved not failed', async () => {
    const path = await start({ products: 15, budgetPerHour: 1000, mail: { password: 'x1' } });
    const { db, sandbox, settings, clock, database, stores, ports, alerts, monitoring } = path;
    const smtp = path.smtp!;
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
      await path.run(job);
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
