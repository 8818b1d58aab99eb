import { describe, expect, it } from 'vitest';
import { ApiBudget, budgetDecided, budgetForAlerts } from '../../ciashop/api-budget';
import { Branch } from '../../contract';
import { ManualClock } from '../../shared/test-clocks.test-support';
import type { AlertContext } from './alert-context';
import type { AlertFacts } from './alert-facts';
import { emptyAlertState } from './alert-state';
import { checkBudgets } from './budget-episodes';

const branch = Branch.parse({
  code: '1',
  name: 'Matriz',
  store: { url: 'https://loja.example.com.br', token: 't' },
});

/** The minute's budget look on one branch whose store budget is `budget` (a real ApiBudget). */
const lookAt = async (budget: ApiBudget) => {
  const raised: Array<Omit<AlertFacts, 'at'>> = [];
  const context = {
    ports: {
      settings: () => ({ branches: [branch] }),
      budget: () => budgetForAlerts(budget.snapshot()),
      now: () => new Date(0),
    },
    state: emptyAlertState(),
    save: () => {},
    raise: async (facts: Omit<AlertFacts, 'at'>) => {
      raised.push(facts);
      return true;
    },
    where: (code: string) => ({ branch: { code, name: 'Matriz' } }),
  } as unknown as AlertContext;
  await checkBudgets(context);
  return raised;
};

describe('the "limite esgotado" alert (ADR 0036)', () => {
  it('fires for a store exhausted at its first reading (1000/0, meaning unknown); the Painel keeps its one figure', async () => {
    const budget = new ApiBudget({ clock: new ManualClock() });
    budget.record('1000/0');
    expect(budget.snapshot().semantics).toBe('unknown');
    // The decided figure (Painel, priorities) reads 1000 left; the cautious reading, none.
    expect(budgetDecided(budget.snapshot()).remaining).toBe(1000);
    expect(budgetForAlerts(budget.snapshot())).toMatchObject({ remaining: 1000, cautiouslyOut: true });
    expect(await lookAt(budget)).toMatchObject([{ kind: 'budget_exhausted', limit: 1000 }]);
  });

  it('stays quiet while the cautious reading still has calls left', async () => {
    const budget = new ApiBudget({ clock: new ManualClock() });
    budget.record('1000/42');
    expect(await lookAt(budget)).toEqual([]);
  });
});
