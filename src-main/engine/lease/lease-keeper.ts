import type { ClaimResult } from '../../winthor/repositories/engine-lease-repository';
import { LEASE_RENEW_MS, describeWaiting, standingAfterClaim, type LeaseStanding } from './lease-rules';

/** The lease in the database, as the keeper uses it (runtime/engine-lease-port.ts). */
export interface LeasePort {
  /** One autocommitted claim; null when this database has no lease table (tables before version 8) or none is set. */
  claim(force: boolean): Promise<ClaimResult | null>;
  /** Frees the lease if this engine holds it. */
  release(): Promise<void>;
}

export interface LeaseKeeperOptions {
  renewMs?: number;
  onChange?: (standing: LeaseStanding) => void;
  log?: (level: 'info' | 'warn', message: string) => void;
}

/**
 * Keeps this engine's lease on the WinThor database (ADR 0310): a claim at start, then one every 30 s, each a
 * short autocommitted statement. A claim that finds another engine holding it leaves this one waiting; the
 * next claim after that engine stopped (released) or died (expired) takes it. "Assumir" claims by force.
 */
export class LeaseKeeper {
  private current: LeaseStanding = { kind: 'pending' };
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private started = false;

  constructor(
    private readonly port: LeasePort,
    private readonly options: LeaseKeeperOptions = {},
  ) {}

  standing(): LeaseStanding {
    return this.current;
  }

  /** The first claim and the renewals (once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    void this.look();
    this.timer = setInterval(() => void this.look(), this.options.renewMs ?? LEASE_RENEW_MS);
    this.timer.unref?.();
  }

  /**
   * Resolves once the claims asked so far have answered (whatever they found): nothing runs before the first
   * one, nor while a claim for another database (the settings changed) is under way.
   */
  settled(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  isStarted(): boolean {
    return this.started;
  }

  /**
   * Started on first need (a one-shot command's first run: its runtime opens no database before that), then
   * settled.
   */
  ready(): Promise<void> {
    this.start();
    return this.settled();
  }

  /** One claim (renewal, or a look after the settings changed). */
  look(): Promise<LeaseStanding> {
    return this.claim(false);
  }

  /** "Assumir": takes the lease even from an engine that is not expired. */
  takeOver(): Promise<LeaseStanding> {
    return this.claim(true);
  }

  /** A clean stop: no more renewals, and the lease freed at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.chain.catch(() => {});
    if (this.current.kind !== 'held') return;
    try {
      await this.port.release();
    } catch (error) {
      this.options.log?.('warn', `Banco não liberado para outro integrador: ${(error as Error).message}`);
    }
  }

  private claim(force: boolean): Promise<LeaseStanding> {
    const next = this.chain.then(async () => {
      if (this.stopped) return this.current;
      let standing: LeaseStanding;
      try {
        const result = await this.port.claim(force);
        standing = result
          ? standingAfterClaim(this.current, result)
          : { kind: 'unknown', reason: 'sem tabela' };
      } catch (error) {
        // Waiting stays waiting when a renewal cannot be asked (a pool timeout, a database error): the other
        // engine still holds the database as far as this one knows, and running now would make two.
        standing =
          this.current.kind === 'waiting'
            ? this.current
            : { kind: 'unknown', reason: (error as Error).message };
      }
      this.set(standing);
      return standing;
    });
    this.chain = next.catch(() => {});
    return next;
  }

  private set(standing: LeaseStanding): void {
    const before = this.current;
    this.current = standing;
    if (JSON.stringify(before) === JSON.stringify(standing)) return;
    if (standing.kind === 'waiting' && (before.kind !== 'waiting' || before.lost !== standing.lost))
      this.options.log?.('warn', `Em espera: ${describeWaiting(standing)}.`);
    if (standing.kind === 'held' && before.kind === 'waiting')
      this.options.log?.('info', 'Este integrador assumiu o banco: a sincronização continua.');
    this.options.onChange?.(standing);
  }
}
