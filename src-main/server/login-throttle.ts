/**
 * Slows password guessing on the browser login: after `maxFailures` wrong passwords from one address
 * within `windowMs`, that address waits `lockMs` before it may try again.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; first: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly lockMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the address may try; otherwise the seconds it must wait. */
  retryAfterSeconds(address: string): number {
    const entry = this.failures.get(address);
    if (!entry) return 0;
    const left = entry.lockedUntil - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(address: string): void {
    const now = this.now();
    const entry = this.failures.get(address);
    const current =
      !entry || now - entry.first > this.windowMs ? { count: 0, first: now, lockedUntil: 0 } : entry;
    current.count += 1;
    if (current.count >= this.maxFailures) current.lockedUntil = now + this.lockMs;
    this.failures.set(address, current);
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }
}
