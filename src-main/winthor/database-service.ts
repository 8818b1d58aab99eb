import type { Settings } from '../contract';
import type { Db } from './db/db';
import { openDb, type DatabaseSettings } from './db/open-db';

export interface DatabaseServiceOptions {
  /** How long a replaced database may keep running the work it already started before it is closed anyway. */
  drainTimeoutMs?: number;
  /** Opens a database (tests inject a fake). */
  open?: (database: DatabaseSettings) => Promise<Db>;
}

/** Db methods that do work on the database: each call counts as work in flight while it runs. */
const TRACKED = [
  'query',
  'queryOne',
  'execute',
  'executeMany',
  'executeReturning',
  'transaction',
  'info',
] as const;

/** One opened database and the work still running on it. */
class OpenedDb {
  private inFlight = 0;
  private waiters: Array<() => void> = [];
  /** The Db handed out: same object (and class) as the real one, but every call is counted. */
  readonly db: Promise<Db>;

  constructor(
    readonly key: string,
    opened: Promise<Db>,
  ) {
    this.db = opened.then((db) => this.track(db));
  }

  /** Holds the database open for the whole of `work` (several calls, a transaction, an install). */
  async lease<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Resolves when no work is in flight, or after `timeoutMs` (then the work is cut by the close). */
  drained(timeoutMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref?.();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private release(): void {
    this.inFlight--;
    if (this.inFlight > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private track(db: Db): Db {
    return new Proxy(db, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        if ((TRACKED as readonly PropertyKey[]).includes(property))
          return (...args: unknown[]) =>
            this.lease(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        if (property === 'stream')
          return (...args: unknown[]) =>
            this.trackStream((value as (...a: unknown[]) => AsyncIterable<unknown>).apply(target, args));
        // close() and anything else: the real method (the service decides when the pool is closed).
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  }

  private trackStream<T>(source: AsyncIterable<T>): AsyncIterable<T> {
    const release = () => this.release();
    const hold = () => {
      this.inFlight++;
    };
    return {
      [Symbol.asyncIterator]: async function* () {
        hold();
        try {
          yield* source;
        } finally {
          release();
        }
      },
    };
  }
}

/**
 * The runtime's database: opened lazily from the settings on first use, re-opened when the database
 * settings change, closed with the runtime. A replaced database is closed only once the work already
 * running on it has finished (a transaction in the middle is never cut), or after `drainTimeoutMs`.
 */
export class DatabaseService {
  private current: OpenedDb | undefined;
  private readonly closing = new Set<Promise<void>>();
  private readonly drainTimeoutMs: number;
  private readonly open: (database: DatabaseSettings) => Promise<Db>;

  constructor(
    private readonly readSettings: () => Settings,
    options: DatabaseServiceOptions = {},
  ) {
    this.drainTimeoutMs = options.drainTimeoutMs ?? 60_000;
    this.open = options.open ?? openDb;
  }

  private opened(): OpenedDb {
    const database = this.readSettings().database;
    const key = JSON.stringify(database);
    if (this.current?.key !== key) {
      const previous = this.current;
      const opened = new OpenedDb(key, this.open(database));
      this.current = opened;
      opened.db.catch(() => {
        if (this.current === opened) this.current = undefined;
      });
      if (previous) this.retire(previous);
    }
    return this.current;
  }

  /**
   * The Db for the current settings (opens or re-opens it). Each call made on it counts as work in flight;
   * for work of several calls that must stay on one database, use `use`.
   */
  async get(): Promise<Db> {
    return this.opened().db;
  }

  /** Runs `work` on the current Db, keeping that Db open until `work` ends even if the settings change. */
  async use<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const opened = this.opened();
    return opened.lease(async () => work(await opened.db));
  }

  /** Opens a database just for `work` (e.g. "test connection" before the settings are saved). */
  async withTemporary<T>(database: DatabaseSettings, work: (db: Db) => Promise<T>): Promise<T> {
    const db = await this.open(database);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  /** Closes `opened` once its work in flight has finished (or the drain time is up). */
  private retire(opened: OpenedDb): void {
    const done: Promise<void> = opened.db
      .then(async (db) => {
        await opened.drained(this.drainTimeoutMs);
        await db.close();
      })
      .catch(() => {})
      .finally(() => this.closing.delete(done));
    this.closing.add(done);
  }

  /** Closes every database, after the work in flight on each has finished (or the drain time is up). */
  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current) this.retire(current);
    await Promise.all([...this.closing]);
  }
}
