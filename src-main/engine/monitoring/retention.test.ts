import { describe, expect, it } from 'vitest';
import { PURGE_BATCH, purgeOldRows, type PurgeTarget } from './retention';

const DAY = 86_400_000;

describe('retention (ADR 0028)', () => {
  it('deletes in batches until one comes back short, each target from its own cutoff, runs kept 8 days at least', async () => {
    const now = new Date(2026, 11, 5, 12);
    const left: Record<PurgeTarget, number> = {
      logs: 12_001,
      runs: 40,
      pendingEvents: 0,
      resolvedPendings: 5_000,
    };
    const calls: Array<{ target: PurgeTarget; days: number; batch: number }> = [];
    let breaths = 0;
    const deleted = await purgeOldRows(
      {
        now: () => now,
        breathe: async () => void (breaths += 1),
        purge: async (target, cutoff, batch) => {
          calls.push({ target, days: Math.round((now.getTime() - cutoff.getTime()) / DAY), batch });
          const n = Math.min(batch, left[target]);
          left[target] -= n;
          return n;
        },
      },
      { logRetentionDays: 7, resolvedPendingRetentionDays: 90, uiUrl: '' },
    );
    expect(deleted).toEqual({ logs: 12_001, runs: 40, pendingEvents: 0, resolvedPendings: 5_000 });
    expect(calls.filter((c) => c.target === 'logs')).toHaveLength(3);
    expect(calls.filter((c) => c.target === 'resolvedPendings')).toHaveLength(2); // a full batch, then an empty one
    expect(new Set(calls.map((c) => c.batch))).toEqual(new Set([PURGE_BATCH]));
    expect(calls.find((c) => c.target === 'logs')?.days).toBe(7);
    expect(calls.find((c) => c.target === 'runs')?.days).toBe(8);
    expect(calls.find((c) => c.target === 'resolvedPendings')?.days).toBe(90);
    expect(breaths).toBe(3);
  });
});
