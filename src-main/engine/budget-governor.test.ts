import { describe, expect, it } from 'vitest';
import { mayCall, PRIORITY, reserveFor } from './budget-governor';

describe('budget by priority', () => {
  it('orders may spend the last call; each lower priority keeps a larger reserve for those above it', () => {
    const reserves = PRIORITY.map((job) => reserveFor(job, 1000));
    expect(reserves[0]).toBe(0);
    for (let i = 1; i < reserves.length; i++) expect(reserves[i]).toBeGreaterThanOrEqual(reserves[i - 1]!);
    expect(mayCall('orders', { remaining: 1, limit: 1000 })).toBe(true);
    expect(mayCall('stock', { remaining: 100, limit: 1000 })).toBe(false);
    expect(mayCall('stock', { remaining: 101, limit: 1000 })).toBe(true);
    expect(mayCall('categories', { remaining: 150, limit: 1000 })).toBe(false);
  });

  it('an unknown budget (no answer read yet) stops nobody', () => {
    expect(mayCall('reconcile', { remaining: null, limit: null })).toBe(true);
  });
});

describe('the budget the priorities see (runtime/engine-ports.ts)', () => {
  it('uses the optimistic reading while the meaning of the second figure is unknown', async () => {
    const { budgetForPriorities } = await import('../runtime/engine-ports');
    const unknown = {
      limit: 1000,
      second: 999,
      remaining: 1,
      semantics: 'unknown' as const,
      blockedUntil: null,
      raw: '1000/999',
      stale: false,
    };
    expect(budgetForPriorities(unknown)).toEqual({ remaining: 999, limit: 1000 });
    expect(mayCall('reconcile', budgetForPriorities(unknown))).toBe(true);
    expect(budgetForPriorities({ ...unknown, semantics: 'remaining', remaining: 999 })).toEqual({
      remaining: 999,
      limit: 1000,
    });
    expect(budgetForPriorities({ ...unknown, semantics: 'used', remaining: 1 })).toEqual({
      remaining: 1,
      limit: 1000,
    });
    // An hour later the reading is stale: unknown, so a starved job calls again and reads the new hour.
    const stale = { ...unknown, semantics: 'used' as const, remaining: 1, stale: true };
    expect(budgetForPriorities(stale)).toEqual({ remaining: null, limit: 1000 });
    expect(mayCall('stock', budgetForPriorities(stale))).toBe(true);
  });

  it('a 429 (Retry-After) is "none left" until then, whatever the last header said (ADR 0033)', async () => {
    const { budgetForPriorities } = await import('../runtime/engine-ports');
    const blocked = {
      limit: 1000,
      second: 1,
      remaining: 1,
      semantics: 'unknown' as const,
      blockedUntil: 500_000,
      outUntil: 500_000,
      raw: '1000/1',
      stale: false,
    };
    expect(budgetForPriorities(blocked)).toEqual({ remaining: 0, limit: 1000, blockedUntil: 500_000 });
    // A short Retry-After (waited inside the call) is spacing, not an exhausted budget.
    expect(budgetForPriorities({ ...blocked, outUntil: null })).toEqual({ remaining: 1000 - 1, limit: 1000 });
    for (const job of PRIORITY) expect(mayCall(job, budgetForPriorities(blocked))).toBe(false);
    // A 429 without x-apilimit-remaining: no limit known, and still none left.
    const bare = { ...blocked, limit: null, second: null, remaining: null, raw: null };
    expect(mayCall('orders', budgetForPriorities(bare))).toBe(false);
  });
});
