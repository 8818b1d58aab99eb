import type { Clock } from '../shared/clock';

/** Caps concurrent calls to one store and keeps a minimum interval between call starts. */
export class CallGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStart = 0;

  constructor(
    private readonly clock: Clock,
    private readonly maxConcurrent: number,
    private readonly minIntervalMs: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    const entered = this.enter();
    if (entered) await entered;
    try {
      return await task();
    } finally {
      this.leave();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  /**
   * Takes a slot, waiting for one (and for the minimum interval) when needed: undefined when the call may
   * start at once (no promise, no timer on the hot path). Always pair with leave().
   */
  enter(): Promise<void> | undefined {
    if (this.active < this.maxConcurrent) {
      this.active += 1;
      return this.minIntervalMs > 0 ? this.space() : undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() =>
      this.minIntervalMs > 0 ? this.space() : undefined,
    );
  }

  private space(): Promise<void> | undefined {
    const now = this.clock.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + this.minIntervalMs;
    return start > now ? this.clock.sleep(start - now) : undefined;
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
