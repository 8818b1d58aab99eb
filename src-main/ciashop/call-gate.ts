import type { Clock } from './clock';

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
    await this.enter();
    try {
      if (this.minIntervalMs > 0) {
        const now = this.clock.now();
        const start = Math.max(now, this.nextStart);
        this.nextStart = start + this.minIntervalMs;
        if (start > now) await this.clock.sleep(start - now);
      }
      return await task();
    } finally {
      this.leave();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  private enter(): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
