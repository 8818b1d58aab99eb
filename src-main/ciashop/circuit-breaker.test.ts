import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker';
import { ManualClock } from '../shared/test-clocks.test-support';

describe('CircuitBreaker', () => {
  it('closed → open → half-open (one trial at a time) → closed, reporting each change', () => {
    const clock = new ManualClock(0);
    const changes: string[] = [];
    const breaker = new CircuitBreaker({
      clock,
      failureThreshold: 2,
      openMs: 1000,
      onChange: (s) => changes.push(s.state),
    });
    expect(breaker.acquire()).toEqual({ allowed: true, trial: false });
    breaker.onFailure(false, 'erro 1');
    expect(breaker.snapshot().state).toBe('closed');
    breaker.onFailure(false, 'erro 2');
    expect(breaker.snapshot()).toEqual({
      state: 'open',
      reason: 'erro 2',
      until: 1000,
      consecutiveFailures: 2,
    });
    expect(breaker.acquire()).toMatchObject({ allowed: false, until: 1000 });
    clock.advance(1000);
    expect(breaker.acquire()).toEqual({ allowed: true, trial: true });
    expect(breaker.snapshot().state).toBe('half-open');
    expect(breaker.acquire().allowed).toBe(false);
    breaker.onSuccess(true);
    expect(breaker.snapshot()).toEqual({
      state: 'closed',
      reason: null,
      until: null,
      consecutiveFailures: 0,
    });
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('a failed trial doubles the open period, capped', () => {
    const clock = new ManualClock(0);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 1, openMs: 1000, maxOpenMs: 3000 });
    breaker.onFailure(false, 'x');
    for (const expected of [2000, 3000, 3000]) {
      clock.advance(10_000);
      const permit = breaker.acquire();
      expect(permit).toEqual({ allowed: true, trial: true });
      breaker.onFailure(true, 'y');
      expect(breaker.snapshot().until! - clock.now()).toBe(expected);
    }
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = new CircuitBreaker({ clock: new ManualClock(), failureThreshold: 2 });
    breaker.onFailure(false, 'a');
    breaker.onSuccess(false);
    breaker.onFailure(false, 'b');
    expect(breaker.snapshot().state).toBe('closed');
  });
});
