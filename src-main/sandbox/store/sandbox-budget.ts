const HOUR_MS = 3_600_000;

export interface BudgetState {
  limit: number;
  used: number;
  remaining: number;
  resetsAt: number;
}

/** The store's hourly call budget: a window per clock hour; `limit` 0 = no limit (and no header). */
export class HourlyBudget {
  private window: { start: number; used: number };

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {
    this.window = { start: Math.floor(now() / HOUR_MS) * HOUR_MS, used: 0 };
  }

  /** The current hour's figures, or null without a limit. */
  current(): BudgetState | null {
    if (!this.limit) return null;
    const current = this.now();
    if (current >= this.window.start + HOUR_MS)
      this.window = { start: Math.floor(current / HOUR_MS) * HOUR_MS, used: 0 };
    return {
      limit: this.limit,
      used: this.window.used,
      remaining: Math.max(0, this.limit - this.window.used),
      resetsAt: this.window.start + HOUR_MS,
    };
  }

  /** Spends one call; returns what is left this hour. */
  spend(): number {
    this.window.used += 1;
    return this.limit - this.window.used;
  }
}
