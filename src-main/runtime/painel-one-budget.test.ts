import { describe, expect, it } from 'vitest';
import { monitorHandlers } from '../api/handlers/monitor-handlers';
import type { SettingsService } from '../config/settings-service';
import { alertPathPerTest } from './alert-path.test-support';
import { painelBudgetOf } from './painel-budget';

/**
 * Issue #12: the Painel said "754 de 1000" on the branch card and 246/1000 in "Lojas virtuais" and
 * "Atividade" for the same store while the header's meaning was not yet learnt. One figure now (ADR 0036):
 * the one the engine decides with.
 */
describe('the Painel shows one budget figure per store', () => {
  const start = alertPathPerTest();

  it('branch card, "Lojas virtuais" and "Atividade" say the same calls left, the engine\'s figure', async () => {
    const path = await start({ products: 15, budgetPerHour: 1000 });
    const { settings, clock, database, stores, ports, monitoring } = path;
    const branch = settings.branches[0]!;
    // One call, as at the start of a run: the client cannot tell yet whether "1000/N" counts used or left.
    await stores.forBranch(branch.code).request({ method: 'GET', path: 'departments', safety: 'idempotent' });
    const raw = stores.forBranch(branch.code).state().budget;
    // The ambiguous case of #12: the client has not learnt what "1000/N" means, the readings differ.
    expect(raw.semantics).toBe('unknown');
    expect(raw.second).not.toBeNull();
    const decided = Math.max(raw.second!, raw.limit! - raw.second!);
    expect(decided).not.toBe(raw.remaining);

    const engine = ports.store(branch).budget();
    const painel = monitorHandlers(
      { get: () => settings } as unknown as SettingsService,
      database,
      (code) => painelBudgetOf(stores, code),
      () => monitoring.alerts.health(),
      () => new Date(clock.now()),
    );
    const activity = await painel['monitor.activity']({ range: '24h' }, { origin: 'internal' } as never);
    const storeState = stores.states().find((state) => state.branch === branch.code)!;

    expect(engine.remaining).toBe(decided);
    expect(activity.branches[0]!.budget).toMatchObject({ remaining: engine.remaining, limit: 1000 });
    expect(storeState.budget).toMatchObject({ remaining: engine.remaining, limit: 1000 });
  }, 60_000);
});
