import type { Clock } from '../shared/clock';
import type { StoreErrorKind } from './store-error';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitSnapshot {
  state: CircuitState;
  /** pt-BR, why it opened (the last failure), null when closed. */
  reason: string | null;
  /** When an open circuit lets a trial call through (epoch ms), null otherwise. */
  until: number | null;
  consecutiveFailures: number;
}

export interface CircuitBreakerOptions {
  clock: Clock;
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** First open period; doubles on every failed trial up to maxOpenMs. Default 30 s. */
  openMs?: number;
  maxOpenMs?: number;
  onChange?: (snapshot: CircuitSnapshot) => void;
}

/**
 * Kinds that say "the store is not well" (not "this request was wrong"). A 429 is not one of them: the
 * budget blocks the store until its Retry-After (ADR 0202, 0204).
 */
export const BREAKER_KINDS: ReadonlySet<StoreErrorKind> = new Set([
  'network',
  'timeout',
  'server',
  'invalid_response',
  'auth',
]);

/** Shared answers of acquire() (no object per call on the hot path). */
const GO = Object.freeze({ allowed: true, trial: false } as const);
const TRIAL = Object.freeze({ allowed: true, trial: true } as const);

/**
 * Stops hammering a store that keeps failing (ADR 0204): closed → open after N consecutive failures →
 * half-open after a cool-down (one trial call) → closed on success, open again (longer) on failure.
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private reason: string | null = null;
  private openUntil = 0;
  private currentOpenMs: number;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.currentOpenMs = options.openMs ?? 30_000;
  }

  /** null = go ahead; otherwise the time (epoch ms) before which calls are refused. */
  acquire(): { allowed: true; trial: boolean } | { allowed: false; until: number; reason: string } {
    if (this.state === 'closed') return GO;
    const now = this.options.clock.now();
    if (this.state === 'open') {
      if (now < this.openUntil) return { allowed: false, until: this.openUntil, reason: this.reason ?? '' };
      this.transition('half-open');
    }
    if (this.state === 'half-open') {
      if (this.trialInFlight) return { allowed: false, until: now + 1000, reason: this.reason ?? '' };
      this.trialInFlight = true;
      return TRIAL;
    }
    return GO;
  }

  onSuccess(trial: boolean): void {
    if (trial) this.trialInFlight = false;
    this.failures = 0;
    if (this.state !== 'closed') {
      this.currentOpenMs = this.options.openMs ?? 30_000;
      this.reason = null;
      this.transition('closed');
    }
  }

  /** A failure that does not count (the store answered; the request was wrong) still ends a trial. */
  onNeutral(trial: boolean): void {
    if (trial) this.onSuccess(trial);
  }

  onFailure(trial: boolean, reason: string): void {
    const now = this.options.clock.now();
    this.failures += 1;
    this.reason = reason;
    if (trial) {
      this.trialInFlight = false;
      this.currentOpenMs = Math.min(this.currentOpenMs * 2, this.options.maxOpenMs ?? 300_000);
      this.openUntil = now + this.currentOpenMs;
      this.transition('open');
      return;
    }
    if (this.state === 'closed' && this.failures >= (this.options.failureThreshold ?? 5)) {
      this.openUntil = now + this.currentOpenMs;
      this.transition('open');
    }
  }

  snapshot(): CircuitSnapshot {
    return {
      state: this.state,
      reason: this.state === 'closed' ? null : this.reason,
      until: this.state === 'open' ? this.openUntil : null,
      consecutiveFailures: this.failures,
    };
  }

  private transition(state: CircuitState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onChange?.(this.snapshot());
  }
}
