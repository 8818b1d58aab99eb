import { describe, expect, it } from 'vitest';
import { ApiBudget, HOUR_MS, parseApiLimit } from './api-budget';
import { ManualClock } from '../shared/test-clocks.test-support';

describe('parseApiLimit', () => {
  it('reads both figures and rejects anything else', () => {
    expect(parseApiLimit('1000/42', 5)).toEqual({ limit: 1000, second: 42, raw: '1000/42', at: 5 });
    expect(parseApiLimit(' 1000 / 42 ', 0)?.second).toBe(42);
    expect(parseApiLimit('abc', 0)).toBeNull();
    expect(parseApiLimit('1000', 0)).toBeNull();
    expect(parseApiLimit(undefined, 0)).toBeNull();
  });
});

describe('ApiBudget', () => {
  it('throttles on the more conservative reading while the meaning is unknown, and logs both numbers', () => {
    const logs: string[] = [];
    const budget = new ApiBudget({ clock: new ManualClock(), log: (m) => logs.push(m) });
    budget.record('1000/42');
    expect(budget.remaining()).toBe(42); // "42 remaining" is more conservative than "42 used"
    budget.record('1000/990');
    expect(budget.remaining()).toBe(10); // "990 used" is more conservative than "990 remaining"
    expect(logs[0]).toContain('limite 1000');
    expect(logs[0]).toContain('segundo número 42');
  });

  it('does not log every reading when nothing changes and the budget is healthy', () => {
    const logs: string[] = [];
    const budget = new ApiBudget({ clock: new ManualClock(), log: (m) => logs.push(m) });
    for (let i = 0; i < 10; i += 1) budget.record('1000/500');
    expect(logs).toHaveLength(1);
    budget.record('1000/3');
    expect(logs).toHaveLength(2);
    expect(logs[1]).toContain('restantes consideradas 3');
  });

  it('learns "used" when the second figure grows by about one per call', () => {
    const budget = new ApiBudget({ clock: new ManualClock() });
    budget.record('1000/10');
    budget.noteCallStarted();
    budget.record('1000/11');
    budget.noteCallStarted();
    budget.record('1000/12');
    expect(budget.snapshot().semantics).toBe('used');
    expect(budget.remaining()).toBe(988);
  });

  it('learns "remaining" when it falls, and ignores a jump (hour reset)', () => {
    const budget = new ApiBudget({ clock: new ManualClock() });
    budget.record('1000/500');
    budget.noteCallStarted();
    budget.record('1000/999'); // a reset, not a vote
    expect(budget.snapshot().semantics).toBe('unknown');
    budget.noteCallStarted();
    budget.record('1000/998');
    budget.noteCallStarted();
    budget.record('1000/997');
    expect(budget.snapshot().semantics).toBe('remaining');
    expect(budget.remaining()).toBe(997);
  });

  it('no delay with plenty left; spacing of limit/hour when low; the block when told to stop', () => {
    const clock = new ManualClock(1_000_000);
    const budget = new ApiBudget({ clock, reserve: 5 });
    expect(budget.delayBeforeNextCall()).toBe(0);
    budget.record('1000/500');
    expect(budget.delayBeforeNextCall()).toBe(0);
    budget.record('1000/3');
    // Each caller reserves its start: calls spaced for a low budget go out one by one, not all together.
    expect(budget.delayBeforeNextCall()).toBe(3600);
    expect(budget.delayBeforeNextCall()).toBe(7200);
    clock.advance(1000);
    expect(budget.delayBeforeNextCall()).toBe(9800);
    // A caller that will not wait that long gives up without taking the slot.
    expect(budget.delayBeforeNextCall(1000)).toBe(13_400);
    expect(budget.delayBeforeNextCall()).toBe(13_400);
    budget.block(clock.now() + 60_000);
    expect(budget.delayBeforeNextCall()).toBe(60_000);
    expect(budget.snapshot().blockedUntil).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    // The block has passed: the store renewed its window, so the old "3 left" no longer spaces calls.
    expect(budget.delayBeforeNextCall()).toBe(0);
    budget.record('1000/2');
    expect(budget.delayBeforeNextCall()).toBe(3600);
    clock.advance(3_600_000);
    expect(budget.delayBeforeNextCall()).toBe(0);
  });

  it('caps a block at one hour: a bogus Retry-After does not stop the store for days', () => {
    const clock = new ManualClock(1_000_000);
    const messages: string[] = [];
    const budget = new ApiBudget({ clock, log: (message) => messages.push(message) });
    budget.block(clock.now() + 3_600_000_000);
    expect(budget.delayBeforeNextCall()).toBe(HOUR_MS);
    expect(messages.join(' ')).toContain('limitado a 1 hora');
    clock.advance(HOUR_MS);
    expect(budget.delayBeforeNextCall()).toBe(0);
  });

  it('learns the meaning from a clear majority even when concurrent answers arrive out of order', () => {
    const clock = new ManualClock(1_000_000);
    const budget = new ApiBudget({ clock });
    // The store counts down; every other pair of answers arrives swapped (a rise of 1 = a contrary vote).
    const order = [1000, 998, 999, 997, 996, 994, 995, 993, 992, 991];
    for (const second of order) {
      budget.noteCallStarted();
      budget.record(`1000/${second}`);
    }
    expect(budget.snapshot().semantics).toBe('remaining');
  });
});

describe('a reading grows stale', () => {
  it('is stale after an hour, so the priorities stop trusting an old "few left"', () => {
    const clock = new ManualClock(0);
    const budget = new ApiBudget({ clock });
    budget.record('1000/20');
    expect(budget.snapshot().stale).toBe(false);
    clock.advance(HOUR_MS);
    expect(budget.snapshot().stale).toBe(true);
  });
});
