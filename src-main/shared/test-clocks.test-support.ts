import type { Clock } from './clock';

/**
 * A virtual clock for tests: sleep(ms) called at time t resumes (on the next microtask) with the clock at
 * least at t + ms, so concurrent sleepers wake at their own times; records what was asked.
 */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private current = 0) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    const target = this.current + Math.max(0, ms);
    await Promise.resolve();
    this.current = Math.max(this.current, target);
  }
}

/**
 * Real time plus a skew: sleep() returns at once and moves the clock forward. Used by tests that talk to a
 * real local server (real time-outs) but must not wait for backoff or Retry-After.
 */
export class SkippingClock implements Clock {
  readonly sleeps: number[] = [];
  private skew = 0;
  now(): number {
    return Date.now() + this.skew;
  }
  advance(ms: number): void {
    this.skew += ms;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.skew += Math.max(0, ms);
  }
}
