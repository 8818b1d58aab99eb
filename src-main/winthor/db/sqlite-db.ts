import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { positionalSql } from './binds';
import type {
  Binds,
  Db,
  DbInfo,
  DbSession,
  ExecuteResult,
  ReturningResult,
  ReturningType,
  Row,
  StreamOptions,
  TransactionOptions,
} from './db';
import { sqliteDialect } from './dialect';
import { mapDbError } from './db-errors';
import { prepareBinds, rowShape, NO_COLUMNS, toRow, positionalBinds, type Prepared } from './sqlite-values';

export { toSqliteDate } from './sqlite-values';

export interface SqliteDbOptions {
  /** File path, or ':memory:' for tests. */
  file: string;
  readonly?: boolean;
  /** How long a statement waits for another connection's write lock on the file (default 5 s). */
  busyTimeoutMs?: number;
}

/**
 * Longest stretch of work (ms) before the embedded database lets the event loop turn. better-sqlite3 answers
 * synchronously, so a job whose every call finds its answer at once (a reconcile with nothing to send) is
 * one long chain of microtasks: without a turn now and then it would hold the host's event loop — HTTP,
 * IPC, timers, the tray — for the whole run (bench:sync measured 15 s). A turn costs microseconds.
 */
const TURN_EVERY_MS = 10;
let lastTurn = performance.now();
const eventLoopTurn = (): Promise<void> | undefined => {
  if (performance.now() - lastTurn < TURN_EVERY_MS) return undefined;
  return new Promise((resolve) =>
    setImmediate(() => {
      lastTurn = performance.now();
      resolve();
    }),
  );
};

/** One async lock so a transaction's statements never interleave with others on the single connection. */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((done) => (release = done));
    await previous;
    try {
      await eventLoopTurn();
      return await work();
    } finally {
      release();
    }
  }
}

/** Embedded adapter (better-sqlite3, WAL): the demo WinThor and the tests. */
/**
 * `ALTER TABLE t ADD COLUMN c …` of a column that is already there changes nothing, as the Oracle script's
 * guarded ADD ignores ORA-01430: SQLite has no ADD COLUMN IF NOT EXISTS, and an install step run again must
 * be harmless (schema-ddl.ts).
 */
const ADD_COLUMN = /^\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)\s/i;
const columnExists = (db: Database.Database, sql: string): boolean => {
  const [, table, column] = ADD_COLUMN.exec(sql)!;
  const columns = db.pragma(`table_info(${table!})`) as Array<{ name: string }>;
  return columns.some((c) => c.name.toUpperCase() === column!.toUpperCase());
};

export class SqliteDb implements Db {
  readonly kind = 'embedded' as const;
  readonly dialect = sqliteDialect;
  readonly raw: Database.Database;
  private readonly lock = new Lock();
  private readonly statements = new Map<string, Prepared>();

  constructor(options: SqliteDbOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    try {
      this.raw = new Database(options.file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    } catch (error) {
      throw mapDbError(error);
    }
    if (!options.readonly) this.raw.pragma('journal_mode = WAL');
    this.raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    this.raw.pragma('foreign_keys = ON');
    this.plain = this.session(options.file === ':memory:' ? null : options.file);
    this.inTransaction = this.session(null);
  }

  /**
   * The statement, prepared once, with its `:name` binds made positional: binding an array costs far less
   * than a named object when an IN list has hundreds of binds (the reconcile's pages). Called without binds,
   * a statement that has `:name` text (a trigger body's `:NEW`) is prepared as written.
   */
  private prepared(sql: string, binds?: Binds): Prepared {
    const cacheKey = binds === undefined ? `\u0000${sql}` : sql;
    let entry = this.statements.get(cacheKey);
    if (!entry) {
      const positional = binds === undefined ? { sql, names: [] } : positionalSql(sql);
      const stmt = this.raw.prepare(positional.sql);
      entry = { stmt, names: positional.names, shape: stmt.reader ? rowShape(stmt) : NO_COLUMNS };
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(cacheKey, entry);
    }
    return entry;
  }

  private session(streamFile: string | null): DbSession {
    const db = this.raw;
    const self = {
      prepared: (sql: string, binds: Binds | undefined) => this.prepared(sql, binds),
      raw: db,
    };
    const run = <T>(work: () => T): T => {
      try {
        return work();
      } catch (error) {
        throw mapDbError(error);
      }
    };
    return {
      dialect: sqliteDialect,
      query: async <T extends Row>(sql: string, binds?: Binds) =>
        run(() => {
          const { stmt, names, shape } = self.prepared(sql, binds);
          const rows = stmt.raw(true).all(positionalBinds(names, binds)) as unknown[][];
          return rows.map((values) => toRow(values, shape)) as T[];
        }),
      queryOne: async <T extends Row>(sql: string, binds?: Binds) =>
        run(() => {
          const { stmt, names, shape } = self.prepared(sql, binds);
          const values = stmt.raw(true).get(positionalBinds(names, binds)) as unknown[] | undefined;
          return values ? (toRow(values, shape) as T) : undefined;
        }),
      execute: async (sql: string, binds?: Binds): Promise<ExecuteResult> =>
        run(() => {
          if (ADD_COLUMN.test(sql) && columnExists(db, sql)) return { rowsAffected: 0 };
          const { stmt, names } = self.prepared(sql, binds);
          return { rowsAffected: stmt.run(positionalBinds(names, binds)).changes };
        }),
      executeReturning: async <T extends Row>(
        sql: string,
        binds: Binds | undefined,
        returning: Record<string, ReturningType>,
      ): Promise<ReturningResult<T>> =>
        run(() => {
          const full = `${sql}${sqliteDialect.returning(Object.keys(returning))}`;
          const { stmt, names, shape } = self.prepared(full, binds);
          const rows = (stmt.raw(true).all(positionalBinds(names, binds)) as unknown[][]).map((values) =>
            toRow(values, shape),
          ) as T[];
          return { rowsAffected: rows.length, rows };
        }),
      executeMany: async (sql: string, many: Binds[]): Promise<ExecuteResult> =>
        run(() => {
          const { stmt, names } = self.prepared(sql, {});
          let rowsAffected = 0;
          const insertAll = () => {
            for (const binds of many) rowsAffected += stmt.run(positionalBinds(names, binds)).changes;
          };
          // Outside a transaction, one implicit transaction for the whole batch (all or nothing).
          if (self.raw.inTransaction) insertAll();
          else self.raw.transaction(insertAll)();
          return { rowsAffected };
        }),
      stream: <T extends Row>(sql: string, binds?: Binds, _options?: StreamOptions): AsyncIterable<T> => ({
        [Symbol.asyncIterator]: async function* () {
          // better-sqlite3 refuses writes on a connection while one of its statements is being iterated
          // ("connection is busy"). So a stream outside a transaction reads through its own read-only
          // connection (WAL: a consistent snapshot, writers not blocked). In a transaction, or on an
          // in-memory database (tests), the rows are read at once instead.
          if (!streamFile) {
            const rows = run(() => {
              const { stmt, names, shape } = self.prepared(sql, binds);
              return (stmt.raw(true).all(positionalBinds(names, binds)) as unknown[][]).map((values) =>
                toRow(values, shape),
              );
            });
            for (const row of rows) yield row as T;
            return;
          }
          const reader = run(() => new Database(streamFile, { readonly: true, fileMustExist: true }));
          try {
            const stmt = run(() => reader.prepare(sql));
            const shape = rowShape(stmt);
            const iterator = run(
              () => stmt.raw(true).iterate(prepareBinds(sql, binds)) as IterableIterator<unknown[]>,
            );
            try {
              for (const values of iterator) yield toRow(values, shape) as T;
            } finally {
              iterator.return?.();
            }
          } finally {
            reader.close();
          }
        },
      }),
    };
  }

  private readonly plain: DbSession;
  private readonly inTransaction: DbSession;

  query<T extends Row = Row>(sql: string, binds?: Binds): Promise<T[]> {
    return this.lock.run(() => this.plain.query<T>(sql, binds));
  }
  queryOne<T extends Row = Row>(sql: string, binds?: Binds): Promise<T | undefined> {
    return this.lock.run(() => this.plain.queryOne<T>(sql, binds));
  }
  execute(sql: string, binds?: Binds): Promise<ExecuteResult> {
    return this.lock.run(() => this.plain.execute(sql, binds));
  }
  executeMany(sql: string, binds: Binds[]): Promise<ExecuteResult> {
    return this.lock.run(() => this.plain.executeMany(sql, binds));
  }
  executeReturning<T extends Row = Row>(
    sql: string,
    binds: Binds | undefined,
    returning: Record<string, ReturningType>,
  ): Promise<ReturningResult<T>> {
    return this.lock.run(() => this.plain.executeReturning<T>(sql, binds, returning));
  }
  stream<T extends Row = Row>(sql: string, binds?: Binds, options?: StreamOptions): AsyncIterable<T> {
    return this.plain.stream<T>(sql, binds, options);
  }

  /** Runs raw DDL text (several statements); the installer and the demo schema use it. */
  exec(script: string): void {
    try {
      this.raw.exec(script);
    } catch (error) {
      throw mapDbError(error);
    }
  }

  /** `options` are Oracle's: one file has no row locks to wait on (busy timeout 5 s for the file itself). */
  transaction<T>(work: (tx: DbSession) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    return this.lock.run(async () => {
      this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.inTransaction);
        this.raw.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async info(): Promise<DbInfo> {
    const row = this.raw.prepare('SELECT sqlite_version() AS V').get() as { V: string };
    return { kind: 'embedded', driverMode: 'embedded', serverVersion: `SQLite ${row.V}` };
  }

  async close(): Promise<void> {
    if (this.raw.open) this.raw.close();
  }
}
