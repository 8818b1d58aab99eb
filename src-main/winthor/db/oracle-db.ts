import oracledb, { type Connection, type Pool } from 'oracledb';
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
import { oracleDialect } from './dialect';
import { mapDbError } from './db-errors';
import { connectionSession, DEFAULT_CALL_TIMEOUT_SECONDS, FETCH_ARRAY_SIZE } from './oracle-session';

export { DEFAULT_CALL_TIMEOUT_SECONDS, toOracleBinds } from './oracle-session';

export interface OracleDbOptions {
  connectString: string;
  user: string;
  password: string;
  /** Empty = Thin mode; a folder = Thick mode with that Instant Client (process-wide, cannot be undone). */
  instantClientDir?: string;
  poolMin?: number;
  poolMax?: number;
  /** Owner of the PC* tables when it is not the user: set as CURRENT_SCHEMA on every session. */
  schema?: string;
  /** Seconds to wait for a connection. */
  connectTimeoutSeconds?: number;
  /**
   * Longest round trip, in seconds, lock waits included (node-oracledb `callTimeout`): past it the driver
   * cancels the call (NJS-123) and the connection stays usable. Default DEFAULT_CALL_TIMEOUT_SECONDS.
   */
  callTimeoutSeconds?: number;
  /** Longest wait, in ms, for a free pooled connection (default 60 s). */
  queueTimeoutMs?: number;
}

const STATEMENT_CACHE_SIZE = 60;

let thickLibDir: string | undefined;

/** Thick mode is a process-wide switch in node-oracledb: once on, every later pool uses it. */
const ensureDriverMode = (instantClientDir: string | undefined): void => {
  if (!instantClientDir) return;
  if (thickLibDir === undefined && oracledb.thin) {
    try {
      oracledb.initOracleClient({ libDir: instantClientDir });
    } catch (error) {
      throw mapDbError(error);
    }
    thickLibDir = instantClientDir;
  }
};

const configureDriver = (): void => {
  oracledb.outFormat = oracledb.OUT_FORMAT_OBJECT;
  oracledb.fetchArraySize = FETCH_ARRAY_SIZE;
  oracledb.prefetchRows = FETCH_ARRAY_SIZE + 1;
  oracledb.stmtCacheSize = STATEMENT_CACHE_SIZE;
  // CLOBs come back as strings, never as Lob objects the repositories would have to read.
  oracledb.fetchAsString = [oracledb.DB_TYPE_CLOB];
};

const isSafeIdentifier = (name: string): boolean => /^[A-Z][A-Z0-9_$#]{0,127}$/i.test(name);

/** Oracle adapter: a node-oracledb pool (Thin by default, Thick with an Instant Client folder). */
export class OracleDb implements Db {
  readonly kind = 'oracle' as const;
  readonly dialect = oracleDialect;
  private readonly plain: DbSession;
  private readonly callTimeoutMs: number;

  private constructor(
    private readonly pool: Pool,
    private readonly options: OracleDbOptions,
  ) {
    this.callTimeoutMs = (options.callTimeoutSeconds ?? DEFAULT_CALL_TIMEOUT_SECONDS) * 1000;
    this.plain = connectionSession(
      () => pool.getConnection(),
      (c) => c.close(),
      true,
      { connectString: options.connectString },
      this.callTimeoutMs,
    );
  }

  static async open(options: OracleDbOptions): Promise<OracleDb> {
    ensureDriverMode(options.instantClientDir);
    configureDriver();
    if (options.schema && !isSafeIdentifier(options.schema)) {
      throw mapDbError(new Error(`Esquema inválido: ${options.schema}`));
    }
    let pool: Pool | undefined;
    try {
      pool = await oracledb.createPool({
        user: options.user,
        password: options.password,
        connectString: options.connectString,
        poolMin: options.poolMin ?? 1,
        poolMax: options.poolMax ?? 4,
        poolIncrement: 1,
        queueTimeout: options.queueTimeoutMs ?? 60_000,
        stmtCacheSize: STATEMENT_CACHE_SIZE,
        connectTimeout: options.connectTimeoutSeconds ?? 15,
        ...(options.schema
          ? {
              sessionCallback: (connection: Connection, _tag: string, done: (error?: Error) => void) => {
                connection
                  .execute(`ALTER SESSION SET CURRENT_SCHEMA = ${options.schema!.toUpperCase()}`)
                  .then(
                    () => done(),
                    (error: Error) => done(error),
                  );
              },
            }
          : {}),
      });
      const db = new OracleDb(pool, options);
      // A pool with poolMin 0 connects lazily: check now so a wrong password fails here, clearly.
      const c = await pool.getConnection();
      await c.close();
      return db;
    } catch (error) {
      // A pool nobody will use must not stay open: its background task keeps trying to reach poolMin
      // connections, in a tight loop while the server cannot be reached (one more pool per retry).
      await pool?.close(0).catch(() => {});
      throw mapDbError(error, { connectString: options.connectString });
    }
  }

  get driverMode(): 'thin' | 'thick' {
    return oracledb.thin ? 'thin' : 'thick';
  }

  query<T extends Row = Row>(sql: string, binds?: Binds): Promise<T[]> {
    return this.plain.query<T>(sql, binds);
  }
  queryOne<T extends Row = Row>(sql: string, binds?: Binds): Promise<T | undefined> {
    return this.plain.queryOne<T>(sql, binds);
  }
  execute(sql: string, binds?: Binds): Promise<ExecuteResult> {
    return this.plain.execute(sql, binds);
  }
  executeMany(sql: string, binds: Binds[]): Promise<ExecuteResult> {
    return this.plain.executeMany(sql, binds);
  }
  executeReturning<T extends Row = Row>(
    sql: string,
    binds: Binds | undefined,
    returning: Record<string, ReturningType>,
  ): Promise<ReturningResult<T>> {
    return this.plain.executeReturning<T>(sql, binds, returning);
  }
  stream<T extends Row = Row>(sql: string, binds?: Binds, options?: StreamOptions): AsyncIterable<T> {
    return this.plain.stream<T>(sql, binds, options);
  }

  /**
   * One pooled connection for the whole work. Every statement is bounded by the call timeout
   * (`options.statementTimeoutSeconds`, else the pool's): a lock wait past it is cancelled (NJS-123) and the
   * transaction rolled back, so no WinThor lock is ever waited on, or held, without limit.
   */
  async transaction<T>(work: (tx: DbSession) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    let connection: Connection;
    try {
      connection = await this.pool.getConnection();
    } catch (error) {
      throw mapDbError(error, { connectString: this.options.connectString });
    }
    const tx = connectionSession(
      async () => connection,
      async () => {},
      false,
      { connectString: this.options.connectString },
      options.statementTimeoutSeconds !== undefined
        ? options.statementTimeoutSeconds * 1000
        : this.callTimeoutMs,
    );
    try {
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        // The work's own error goes back unchanged (statements already map driver errors).
        await connection.rollback().catch(() => {});
        throw error;
      }
      try {
        await connection.commit();
      } catch (error) {
        await connection.rollback().catch(() => {});
        throw mapDbError(error, { connectString: this.options.connectString });
      }
      return result;
    } finally {
      connection.callTimeout = this.callTimeoutMs;
      await connection.close().catch(() => {});
    }
  }

  async info(): Promise<DbInfo> {
    let c: Connection | undefined;
    try {
      c = await this.pool.getConnection();
      return {
        kind: 'oracle',
        driverMode: this.driverMode,
        serverVersion: `Oracle ${c.oracleServerVersionString}`,
      };
    } catch (error) {
      throw mapDbError(error, { connectString: this.options.connectString });
    } finally {
      await c?.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.pool.close(5).catch(() => {});
    void this.options;
  }
}
