import type { Clock } from '../shared/clock';
import { DEFAULT_RETRY } from './retry-policy';

export const HOUR_MS = 3_600_000;

export interface BudgetReading {
  /** First figure of x-apilimit-remaining: the hourly limit. */
  limit: number;
  /** Second figure, as sent: "remaining" per the official client code, "used so far" per its prose. */
  second: number;
  raw: string;
  at: number;
}

export type BudgetSemantics = 'unknown' | 'remaining' | 'used';

export interface BudgetSnapshot {
  limit: number | null;
  second: number | null;
  /** The reading used to throttle: min(second, limit - second) until the semantics are learnt. */
  remaining: number | null;
  semantics: BudgetSemantics;
  blockedUntil: number | null;
  /**
   * The block when it is longer than a call waits through (OUT_AFTER_MS): the store's budget is out until
   * then (ADR 0033). A short Retry-After is spacing, waited inside the call, not an exhausted budget.
   */
  outUntil?: number | null;
  raw: string | null;
  /** The reading is over an hour old, or a block set after it has expired: it says nothing about now. */
  stale: boolean;
}

/**
 * The calls left this hour as the engine, the alerts and the Painel read them (null = not known yet), the
 * hourly limit, and `blockedUntil` (ms): the store said "stop" (429 + a long Retry-After) until then — none
 * left meanwhile (ADR 0033).
 */
export interface BudgetLeft {
  remaining: number | null;
  limit: number | null;
  blockedUntil?: number | null;
  /**
   * For the alerts only: the header's meaning is still unknown and its cautious reading says none left
   * (a store exhausted at its first reading, "1000/0"), while `remaining` keeps the decided figure (ADR 0036).
   */
  cautiouslyOut?: boolean;
}

/**
 * The calls left as the Painel, the alerts and the job priorities must read them (ADR 0033): while the store
 * has said "stop" (429 with a Retry-After longer than a call waits) none are left until then, whatever
 * the last x-apilimit-remaining said; otherwise the snapshot's own reading. `remaining` is the given reading
 * (the priorities pass their own, see runtime/engine-ports.ts).
 */
export const budgetLeft = (
  snapshot: Pick<BudgetSnapshot, 'limit' | 'outUntil'>,
  remaining: number | null,
): BudgetLeft & { blockedUntil: number | null } =>
  snapshot.outUntil != null
    ? { remaining: 0, limit: snapshot.limit, blockedUntil: snapshot.outUntil }
    : { remaining, limit: snapshot.limit, blockedUntil: null };

/**
 * The one figure of calls left this hour (ADR 0036): what the engine decides with (its job priorities), and so
 * what the Painel's three places (branch card, "Lojas virtuais", "Atividade") and the alerts show.
 *
 * Until the client has learnt what the header's second figure means (ADR 0202) its own throttling uses the
 * conservative reading, which at the start of an hour can be "1 left": the priorities would then stop every
 * job but orders, nothing would be sent, and the meaning would never be learnt. So the decision uses the
 * other reading while it is unknown; the client's own spacing still protects the budget. A stale reading
 * says nothing about this hour: unknown (the next call reads a fresh one). The store said "stop" (429 +
 * Retry-After): none left until then (ADR 0033).
 */
export const budgetDecided = (budget: BudgetSnapshot): BudgetLeft & { blockedUntil: number | null } => {
  if (budget.outUntil != null) return budgetLeft(budget, 0);
  if (budget.stale) return budgetLeft(budget, null);
  if (budget.semantics !== 'unknown' || budget.limit === null || budget.second === null)
    return budgetLeft(budget, budget.remaining);
  return budgetLeft(budget, Math.max(budget.second, budget.limit - budget.second));
};

/**
 * The budget as the "limite esgotado" alert reads it (ADR 0036): the decided figure, and also "out" while the
 * header's meaning is unknown and its cautious reading is ≤ 0 — the decided figure alone would read "1000/0"
 * as 1000 left, and the alert would fire only on a long 429.
 */
export const budgetForAlerts = (budget: BudgetSnapshot): BudgetLeft & { blockedUntil: number | null } => ({
  ...budgetDecided(budget),
  cautiouslyOut:
    !budget.stale && budget.semantics === 'unknown' && budget.remaining !== null && budget.remaining <= 0,
});

/** A Retry-After up to this long is waited inside the call (retry-policy.ts's default): spacing, not "out". */
export const OUT_AFTER_MS = DEFAULT_RETRY.maxRetryAfterMs;

/** Parses "1000/42" (also tolerates spaces); null when absent or malformed. */
export const parseApiLimit = (raw: string | undefined | null, at: number): BudgetReading | null => {
  if (!raw) return null;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!match) return null;
  return { limit: Number(match[1]), second: Number(match[2]), raw, at };
};

export interface ApiBudgetOptions {
  clock: Clock;
  /** Below this many calls left, calls are spaced at the sustained rate (limit per hour). Default: 5% of limit, ≥ 5. */
  reserve?: number;
  log?: (message: string) => void;
}

/**
 * Tracks `x-apilimit-remaining` per store (ADR 0202). Logs both figures. Until the meaning of the second
 * figure is learnt from how it moves between calls, throttles on the more conservative reading.
 */
export class ApiBudget {
  private last: BudgetReading | null = null;
  private semantics: BudgetSemantics = 'unknown';
  private votes = { remaining: 0, used: 0 };
  private callsSinceReading = 0;
  private blockedUntil = 0;
  /** When the budget is low: the start time reserved for the next spaced call (calls go one by one). */
  private nextSpacedStart = 0;
  private readings = 0;
  private semanticsAtLastLog: BudgetSemantics | null = null;

  constructor(private readonly options: ApiBudgetOptions) {}

  noteCallStarted(): void {
    this.callsSinceReading += 1;
  }

  record(raw: string | undefined | null): void {
    const reading = parseApiLimit(raw, this.options.clock.now());
    if (!reading) return;
    const previous = this.last;
    if (previous && previous.limit === reading.limit) {
      const delta = reading.second - previous.second;
      const plausible = Math.max(1, this.callsSinceReading) + 2;
      if (delta < 0 && -delta <= plausible) this.votes.remaining += 1;
      else if (delta > 0 && delta <= plausible) this.votes.used += 1;
      // Concurrent answers can arrive out of order and cast a contrary vote now and then: the meaning is
      // learnt from a clear majority (at least 2 votes and 3 to 1), not from unanimity.
      if (this.semantics === 'unknown') {
        const { remaining, used } = this.votes;
        if (remaining >= 2 && remaining >= 3 * used) this.semantics = 'remaining';
        else if (used >= 2 && used >= 3 * remaining) this.semantics = 'used';
      }
    }
    const semanticsBefore = previous ? this.semanticsAtLastLog : null;
    this.last = reading;
    this.callsSinceReading = 0;
    this.readings += 1;
    const remaining = this.remaining() ?? 0;
    const low = remaining <= (this.options.reserve ?? Math.max(5, Math.ceil(reading.limit * 0.05)));
    // Both figures are logged: on the first reading, when the meaning is learnt, while the budget is low,
    // and every 100 readings otherwise (one line per call would flood the log at 1000 calls/hour).
    if (semanticsBefore === this.semantics && !low && this.readings % 100 !== 0) return;
    this.semanticsAtLastLog = this.semantics;
    this.options.log?.(
      `x-apilimit-remaining=${reading.raw}: limite ${reading.limit}, segundo número ${reading.second} (${this.semantics === 'unknown' ? 'restantes ou usadas: incerto' : this.semantics === 'remaining' ? 'restantes' : 'usadas'}); restantes consideradas ${this.remaining() ?? '?'}`,
    );
  }

  /**
   * The store said "stop" (429 / exhausted): no call before `until`, at most an hour from now — the budget
   * is hourly, and a bogus Retry-After (a proxy sending milliseconds, say) must not block the store for days.
   */
  block(until: number): void {
    const now = this.options.clock.now();
    const capped = Math.min(until, now + HOUR_MS);
    if (capped < until) {
      this.options.log?.(
        `Retry-After de ${Math.round((until - now) / 1000)} s limitado a 1 hora (o limite da loja é por hora).`,
      );
    }
    this.blockedUntil = Math.max(this.blockedUntil, capped);
  }

  remaining(): number | null {
    if (!this.last) return null;
    const { limit, second } = this.last;
    if (this.semantics === 'remaining') return second;
    if (this.semantics === 'used') return Math.max(0, limit - second);
    return Math.max(0, Math.min(second, limit - second));
  }

  /**
   * How long to wait before the next call: the block, or spacing at limit/hour when the budget runs low.
   * When spacing, the start time is reserved (the next caller waits one interval more), unless the wait is
   * longer than `maxWaitMs` (the caller gives up instead of waiting).
   */
  delayBeforeNextCall(maxWaitMs = Infinity): number {
    // Nothing read and never blocked (a store without the header): no clock reading needed.
    if (this.blockedUntil === 0 && !this.last) return 0;
    const now = this.options.clock.now();
    if (this.blockedUntil > now) return this.blockedUntil - now;
    const remaining = this.remaining();
    if (remaining === null || !this.last || this.last.limit <= 0 || this.isStale(now)) return 0;
    const reserve = this.options.reserve ?? Math.max(5, Math.ceil(this.last.limit * 0.05));
    if (remaining > reserve) return 0;
    const interval = HOUR_MS / this.last.limit;
    const start = Math.max(now, this.last.at + interval, this.nextSpacedStart);
    if (start - now > maxWaitMs) return start - now;
    this.nextSpacedStart = start + interval;
    return start - now;
  }

  /**
   * A reading says nothing about the next hour: it is stale once an hour has passed, or once a block
   * (Retry-After) set after it has expired — the store's window has been renewed since.
   */
  private isStale(now: number): boolean {
    if (!this.last) return true;
    if (now - this.last.at >= HOUR_MS) return true;
    return this.blockedUntil > 0 && this.blockedUntil <= now && this.last.at < this.blockedUntil;
  }

  blockedUntilTime(): number | null {
    return this.blockedUntil > this.options.clock.now() ? this.blockedUntil : null;
  }

  snapshot(): BudgetSnapshot {
    const blockedUntil = this.blockedUntilTime();
    return {
      outUntil:
        blockedUntil !== null && blockedUntil - this.options.clock.now() > OUT_AFTER_MS ? blockedUntil : null,
      limit: this.last?.limit ?? null,
      second: this.last?.second ?? null,
      remaining: this.remaining(),
      semantics: this.semantics,
      blockedUntil: this.blockedUntilTime(),
      raw: this.last?.raw ?? null,
      stale: this.isStale(this.options.clock.now()),
    };
  }
}
