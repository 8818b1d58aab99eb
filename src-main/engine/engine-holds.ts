import type { AppError } from '../shared/app-error';
import { engineRefusals } from './engine-refusals';
import type { EngineState, SchemaHoldReason } from './engine-snapshot';
import type { LeaseStanding } from './lease/lease-rules';

export interface EngineHoldsOptions {
  /** Resolves once the lease's first claim answered (ADR 0310); absent: nothing is awaited. */
  leaseSettled?: () => Promise<void>;
  /** The engine runs (true) or no longer runs (false) by a person's hand while the schema check holds it. */
  onSchemaHoldOverridden?: (overridden: boolean) => void;
  /**
   * The schema check holds the engine (true: the lease is freed for an engine whose version matches the
   * tables) or no longer (false: claimed again), ADR 0313. Never called once the engine stopped.
   */
  onLeaseSuspended?: (suspended: boolean) => void;
}

/**
 * What keeps the engine from running besides a person's pause and the first-run guide: the lease on the
 * WinThor database (another engine holds it, or this one could not renew it) and the schema check's hold.
 */
export class EngineHolds {
  private lease: LeaseStanding = { kind: 'unknown', reason: 'sem lease' };
  private schema: SchemaHoldReason | null = null;
  private suspended = false;
  private closed = false;

  constructor(private readonly options: EngineHoldsOptions = {}) {}

  standing(): LeaseStanding {
    return this.lease;
  }

  schemaHold(): SchemaHoldReason | null {
    return this.schema;
  }

  /**
   * Another engine holds the database, this one has not renewed it near the expiry, or its claim failed before
   * it ever held it (unheld): nothing runs.
   */
  keepsAway(): boolean {
    return (
      this.lease.kind === 'waiting' ||
      this.lease.kind === 'stale' ||
      (this.lease.kind === 'unknown' && this.lease.unheld === true)
    );
  }

  /**
   * Runs left "running" in the database may be marked interrupted: this engine holds the lease (they are not
   * another engine's), or it has no lease at all. Unknown (a claim not answered, thrown away, or the lease
   * freed by the schema check) is not enough: another engine may hold the database and run them.
   */
  mayMarkInterrupted(): boolean {
    return !this.hasLease() || this.lease.kind === 'held';
  }

  /** Why a run is refused while the lease keeps this engine away; null otherwise. */
  refusal(): AppError | null {
    if (this.lease.kind === 'waiting') return engineRefusals.standby(this.lease);
    if (this.lease.kind === 'stale') return engineRefusals.leaseStale(this.lease.seconds);
    if (this.lease.kind === 'unknown' && this.lease.unheld)
      return engineRefusals.leaseUnverified(this.lease.reason);
    return null;
  }

  /** True when the standing changed. */
  setLease(lease: LeaseStanding): boolean {
    const before = JSON.stringify(this.lease);
    this.lease = lease;
    return before !== JSON.stringify(lease);
  }

  /** True when the reason changed. */
  setSchemaHold(reason: SchemaHoldReason | null, state: EngineState): boolean {
    if (this.schema === reason) return false;
    this.schema = reason;
    this.follow(state);
    return true;
  }

  hasLease(): boolean {
    return this.options.leaseSettled !== undefined;
  }

  async settled(): Promise<void> {
    // Without a lease nothing is awaited: the state is checked in the same turn as the request.
    if (this.options.leaseSettled) await this.options.leaseSettled().catch(() => {});
  }

  /** A person paused (false) or resumed (true) the engine: while the schema check holds it, that overrides it. */
  overridden(resumed: boolean): void {
    if (this.schema) this.options.onSchemaHoldOverridden?.(resumed);
  }

  /** The engine's state changed: a schema-held (paused) engine frees the lease; any other keeps it. */
  follow(state: EngineState): void {
    // Stopped (closing): no claim any more — one now could take a free row and send a healthy engine to standby.
    if (state === 'stopped') this.closed = true;
    if (this.closed) return;
    const suspended = this.schema !== null && state === 'paused';
    if (suspended === this.suspended) return;
    this.suspended = suspended;
    this.options.onLeaseSuspended?.(suspended);
  }
}
