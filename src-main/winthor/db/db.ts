import type { Dialect } from './dialect';

/** A bind value both adapters accept. Dates are wall-clock values (no time-zone shift, see ADR 0105). */
export type BindValue = string | number | bigint | Date | null | boolean;
/** Named binds: `{ codfilial: '1' }` for `... WHERE PCEST.CODFILIAL = :codfilial`. */
export type Binds = Record<string, BindValue | undefined>;
/** A row: UPPERCASE column names (Oracle's own convention), in both adapters. */
export type Row = Record<string, unknown>;

export interface ExecuteResult {
  rowsAffected: number;
}

/** What a RETURNING column hands back. */
export type ReturningType = 'number' | 'text';

/** An UPDATE/INSERT/DELETE with RETURNING: rows affected and, per changed row, the returned columns. */
export interface ReturningResult<T extends Row = Row> {
  rowsAffected: number;
  /** One row per changed row, keyed by the UPPERCASE column names asked for. */
  rows: T[];
}

export interface TransactionOptions {
  /**
   * Longest wait, in seconds, of any one statement of the transaction, lock waits included: past it the
   * statement is cancelled and the transaction rolled back (Oracle: the connection's call timeout).
   */
  statementTimeoutSeconds?: number;
}

export interface StreamOptions {
  /** Rows fetched per round trip (Oracle fetchArraySize; SQLite ignores it, it iterates row by row). */
  batchSize?: number;
}

/** What repositories use: the same calls inside and outside a transaction. */
export interface DbSession {
  readonly dialect: Dialect;
  query<T extends Row = Row>(sql: string, binds?: Binds): Promise<T[]>;
  /** First row or undefined. */
  queryOne<T extends Row = Row>(sql: string, binds?: Binds): Promise<T | undefined>;
  execute(sql: string, binds?: Binds): Promise<ExecuteResult>;
  executeMany(sql: string, binds: Binds[]): Promise<ExecuteResult>;
  /**
   * A DML statement that returns columns of the rows it changed, in the same round trip: the adapter appends
   * the RETURNING clause (Oracle: `RETURNING c INTO :out`, SQLite: `RETURNING c`). `returning` names plain
   * columns of the changed table and their type.
   */
  executeReturning<T extends Row = Row>(
    sql: string,
    binds: Binds | undefined,
    returning: Record<string, ReturningType>,
  ): Promise<ReturningResult<T>>;
  /** Streams a large result without holding it in memory. */
  stream<T extends Row = Row>(sql: string, binds?: Binds, options?: StreamOptions): AsyncIterable<T>;
}

export interface DbInfo {
  kind: 'oracle' | 'embedded';
  /** 'thin' | 'thick' for Oracle, 'embedded' for SQLite. */
  driverMode: 'thin' | 'thick' | 'embedded';
  serverVersion: string;
}

/** The Db port (architecture.md): one connection pool (Oracle) or one file (SQLite). */
export interface Db extends DbSession {
  readonly kind: 'oracle' | 'embedded';
  /**
   * Runs `work` in one transaction: commit when it resolves, rollback when it throws (the work's error is
   * rethrown unchanged). Inside `work` use only `tx`: on SQLite, calls on the Db itself wait until the
   * transaction ends, so awaiting one inside `work` never returns.
   */
  transaction<T>(work: (tx: DbSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  info(): Promise<DbInfo>;
  close(): Promise<void>;
}
