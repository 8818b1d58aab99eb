import { describe, expect, it } from 'vitest';
import { ApiBudget, budgetLeft } from '../ciashop/api-budget';
import { StoreError } from '../ciashop/store-error';
import { storePause } from './run-report';

const at = new Date(2026, 11, 6, 10, 0, 0).getTime();
const clock = { now: () => at, sleep: async () => {} };
const readingOf = (budget: ApiBudget) => {
  const snapshot = budget.snapshot();
  return budgetLeft(snapshot, snapshot.remaining);
};
const rateLimited = (retryAfterMs: number) =>
  new StoreError({ kind: 'rate_limited', status: 429, message: 'Muitas requisições.', retryAfterMs });

describe('storePause: only the store budget out is a pause (ADR 0033)', () => {
  it('a long Retry-After: a pause until the budget’s block, capped at an hour like the block', () => {
    const budget = new ApiBudget({ clock });
    budget.block(at + 3 * 3_600_000); // a bogus 3-hour Retry-After
    const message = storePause(rateLimited(3 * 3_600_000), readingOf(budget));
    expect(message).toContain('a loja respondeu 429 e pediu uma pausa até 11:00');
  });

  it('a short Retry-After that used up the retries is a failure, not a pause', () => {
    const budget = new ApiBudget({ clock });
    budget.block(at + 2_000);
    expect(storePause(rateLimited(2_000), readingOf(budget))).toBeNull();
  });

  it('our own spacing (a low budget, no 429 from the store) is a failure, not a pause', () => {
    const budget = new ApiBudget({ clock });
    budget.record('50/1'); // 1 left of 50 an hour: the next call 72 s away, longer than a call waits
    const delay = budget.delayBeforeNextCall(60_000);
    expect(delay).toBeGreaterThan(60_000);
    expect(storePause(rateLimited(delay), readingOf(budget))).toBeNull();
  });
});
