export interface ReceivedRequest {
  method: string;
  /** Path after /api/v1/, without query. */
  path: string;
  query: string;
  body: unknown;
  status: number;
  at: number;
}

/** What the sandbox saw, for tests and `GET /__sandbox/inspect`: requests, counts, concurrency. */
export class SandboxInspection {
  readonly received: ReceivedRequest[] = [];
  private readonly callCounts = new Map<string, number>();
  private total = 0;
  private inFlight = 0;
  private peak = 0;

  constructor(private readonly keep: number) {}

  record(entry: ReceivedRequest): void {
    this.received.push(entry);
    if (this.received.length > this.keep) this.received.splice(0, this.received.length - this.keep);
  }

  /** An authenticated call, counted per `METHOD path`. */
  countCall(key: string): void {
    this.total += 1;
    this.callCounts.set(key, (this.callCounts.get(key) ?? 0) + 1);
  }

  /** An API request starts; the returned function ends it (safe to call more than once). */
  started(): () => void {
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    let counted = true;
    return () => {
      if (counted) this.inFlight -= 1;
      counted = false;
    };
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.callCounts);
  }

  totalCalls(): number {
    return this.total;
  }

  peakConcurrency(): number {
    return this.peak;
  }

  reset(): void {
    this.received.length = 0;
    this.callCounts.clear();
    this.total = 0;
    this.peak = this.inFlight;
  }
}
