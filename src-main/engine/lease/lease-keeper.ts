import type { ClaimResult } from '../../winthor/repositories/engine-lease-repository';
import {
  LEASE_EXPIRY_SECONDS,
  LEASE_RENEW_MS,
  describeStale,
  describeWaiting,
  sinceMemo,
  staleAfterMs,
  standingAfterClaim,
  type LeaseStanding,
} from './lease-rules';

/** The lease in the database, as the keeper uses it (runtime/engine-lease-port.ts). */
export interface LeasePort {
  /** One autocommitted claim; null when this database has no lease table (tables before version 8) or none is set. */
  claim(force: boolean): Promise<ClaimResult | null>;
  /** Frees the lease if this engine holds it. */
  release(): Promise<void>;
}

export interface LeaseKeeperOptions {
  renewMs?: number;
  /** Seconds without renewal after which another engine may take the lease (the holder stops before). */
  expirySeconds?: number;
  /** A monotonic clock in ms (tests: the fake one). */
  monotonicNow?: () => number;
  /** Longest wait of stop() for a claim under way (a hung database must not hang the close). */
  stopTimeoutMs?: number;
  onChange?: (standing: LeaseStanding) => void;
  log?: (level: 'info' | 'warn', message: string) => void;
}

/**
 * Keeps this engine's lease on the WinThor database (ADR 0310): a claim at start, then one every 30 s, each a
 * short autocommitted statement. A claim that finds another engine holding it leaves this one waiting; the
 * next claim after that engine stopped (released) or died (expired) takes it. "Assumir" claims by force.
 * A holder whose renewals fail stops running two renewals before the expiry (`stale`, ADR 0311); one
 * suspended (the schema check holds the engine) frees the lease and claims nothing until resumed (ADR 0313).
 */
export class LeaseKeeper {
  private current: LeaseStanding = { kind: 'pending' };
  private timer: NodeJS.Timeout | null = null;
  /** Fires when the last win is `staleMs` old: stale even if no tick or claim answers meanwhile. */
  private staleTimer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private started = false;
  private suspended = false;
  private inFlight = 0;
  /** Monotonic time the last claim that won was SENT (null: not held since the last loss). */
  private renewedAt: number | null = null;
  /**
   * A claim won since the last release or loss (a failed renewal after it keeps this): only then does a stop
   * or a suspension release — otherwise the release is a no-op that would open the lease's pool for nothing.
   */
  private mayHoldRow = false;
  /** "desde" once per acquisition (ADR 0315): kept while the holder and its acquiredAt stay the same. */
  private readonly since = sinceMemo();
  private readonly now: () => number;
  private readonly staleMs: number;

  constructor(
    private readonly port: LeasePort,
    private readonly options: LeaseKeeperOptions = {},
  ) {
    this.now = options.monotonicNow ?? (() => performance.now());
    this.staleMs = staleAfterMs(
      options.expirySeconds ?? LEASE_EXPIRY_SECONDS,
      options.renewMs ?? LEASE_RENEW_MS,
    );
  }

  standing(): LeaseStanding {
    return this.current;
  }

  /** The first claim and the renewals (once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    void this.look();
    this.timer = setInterval(() => this.tick(), this.options.renewMs ?? LEASE_RENEW_MS);
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

  /**
   * The schema check holds the engine (true): the lease is freed so an engine whose version matches the tables
   * may run, and nothing is claimed until it lets go (false), then claimed again (waiting if another took it).
   */
  async suspend(suspended: boolean): Promise<void> {
    if (this.suspended === suspended) return;
    this.suspended = suspended;
    if (!suspended) {
      if (this.started && !this.stopped) await this.look();
      return;
    }
    // On the chain: a claim in flight records its answer first, and a resume's claim queues after this release
    // (a release after it would free the row that claim just took). Resumed meanwhile: nothing more to do.
    const next = this.chain.then(async () => {
      if (!this.suspended) return;
      if (this.mayHoldRow) await this.release();
      if (!this.suspended) return;
      // Not held any more; a release that failed keeps mayHoldRow, so stop() tries it again.
      this.renewedAt = null;
      this.disarmStale();
      this.set({ kind: 'unknown', reason: 'retido pela verificação das tabelas' });
    });
    this.chain = next.catch(() => {});
    await next;
  }

  /** A clean stop: no more renewals, and the lease freed at once (if this engine still holds it). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.disarmStale();
    // A claim hung on the database is not awaited past the bound: the release is tried anyway.
    await this.bounded(this.chain.catch(() => {}));
    // Held, or unknown after a failed renewal of a held lease: the release only frees a row naming this engine.
    // Never held (pending, unknown, waiting) or already released (suspended): nothing to free.
    if (!this.mayHoldRow) return;
    await this.bounded(this.release());
  }

  /** A renewal; skipped while one is still under way (a hung database must not pile them up). */
  private tick(): void {
    this.checkStale();
    if (this.inFlight > 0 || this.suspended) return;
    void this.look();
  }

  /** Held, but no renewal won for longer than the margin: another engine may take it soon, so stop now. */
  private checkStale(): void {
    if (this.renewedAt === null || this.current.kind === 'waiting' || this.stopped || this.suspended) return;
    const elapsed = this.now() - this.renewedAt;
    if (elapsed < this.staleMs) return;
    this.set({ kind: 'stale', seconds: Math.floor(elapsed / 1000) });
  }

  /** After a win: stale `staleMs` after the claim was sent, whether or not a tick or a claim answers by then. */
  private armStale(): void {
    this.disarmStale();
    if (this.renewedAt === null) return;
    const left = Math.max(this.renewedAt + this.staleMs - this.now(), 0);
    this.staleTimer = setTimeout(() => this.checkStale(), left);
    this.staleTimer.unref?.();
  }

  private disarmStale(): void {
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = null;
  }

  /** Not held any more (lost, released): no stale check, no release at stop. */
  private lost(): void {
    this.renewedAt = null;
    this.mayHoldRow = false;
    this.disarmStale();
  }

  private async release(): Promise<void> {
    try {
      await this.port.release();
      this.mayHoldRow = false;
    } catch (error) {
      this.options.log?.('warn', `Banco não liberado para outro integrador: ${(error as Error).message}`);
    }
  }

  private bounded(work: Promise<unknown>): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopTimeoutMs ?? 10_000);
      timer.unref?.();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private claim(force: boolean): Promise<LeaseStanding> {
    this.inFlight++;
    const next = this.chain.then(async () => {
      if (this.stopped || this.suspended) return this.current;
      let standing: LeaseStanding;
      // The time the claim is SENT: a win means the database's heartbeat is no older than this.
      const sentAt = this.now();
      try {
        const result = await this.port.claim(force);
        standing = result
          ? standingAfterClaim(this.current, result, this.since)
          : { kind: 'unknown', reason: 'sem tabela' };
        if (standing.kind === 'held') {
          this.renewedAt = sentAt;
          this.mayHoldRow = true;
          this.armStale();
        } else this.lost();
      } catch (error) {
        // Waiting stays waiting when a renewal cannot be asked (a pool timeout, a database error): the other
        // engine still holds the database as far as this one knows, and running now would make two. A holder
        // stays unknown (it runs) until the margin before the expiry, then stale (checkStale).
        // Never held since the last loss or release (a first claim, or one after a schema suspension freed the
        // row): unknown but unheld, so nothing runs — another engine may hold the database (ADR 0311).
        const reason = (error as Error).message;
        standing =
          this.current.kind === 'waiting' || this.current.kind === 'stale'
            ? this.current
            : this.mayHoldRow
              ? { kind: 'unknown', reason }
              : { kind: 'unknown', reason, unheld: true };
      }
      // A stop under way: its standing no longer matters. A suspension asked meanwhile takes effect after this
      // answer is recorded (its release is next on the chain), so a won start-up claim is not thrown away.
      if (this.stopped) return this.current;
      this.set(standing);
      this.checkStale();
      return this.current;
    });
    this.chain = next.catch(() => {}).finally(() => this.inFlight--);
    return next;
  }

  private set(standing: LeaseStanding): void {
    const before = this.current;
    this.current = standing;
    if (JSON.stringify(before) === JSON.stringify(standing)) return;
    if (standing.kind === 'waiting' && (before.kind !== 'waiting' || before.lost !== standing.lost))
      this.options.log?.('warn', `Em espera: ${describeWaiting(standing)}.`);
    if (standing.kind === 'stale' && before.kind !== 'stale')
      this.options.log?.('warn', `Em espera: ${describeStale(standing.seconds)}.`);
    if (standing.kind === 'held' && (before.kind === 'waiting' || before.kind === 'stale'))
      this.options.log?.('info', 'Este integrador assumiu o banco: a sincronização continua.');
    this.options.onChange?.(standing);
  }
}
