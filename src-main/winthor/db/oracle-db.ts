import oracledb, { type Connection, type Pool } from 'oracledb';
import { pickBinds } from './binds';
import type {
  BindValue,
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
import { oracleDialect, returningBindName } from './dialect';
import { compiledWithErrors, mapDbError, type DbErrorContext } from './db-errors';

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
}

const FETCH_ARRAY_SIZE = 500;
/** No single call of the integration may wait longer than this on a WinThor lock (ADR 0109). */
export const DEFAULT_CALL_TIMEOUT_SECONDS = 60;
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

/**
 * Dates are wall-clock values (ADR 0105). Reading node-oracledb 6.10's Thin code: DATE and TIMESTAMP
 * columns are fetched with the Date's local fields (no shift), and a Date bound as DB_TYPE_DATE is written
 * from its local fields. Binding as DATE (not the driver's default TIMESTAMP) also lets Oracle compare a
 * DATE column without converting it, so key lookups such as PCPEDCFV.DTABERTURAPEDPALM keep their index.
 * Not observed against a server here; the Oracle suite checks it (order staging write + read).
 */
export const toOracleBinds = (
  sql: string,
  binds: Binds | undefined,
  forMany = false,
): Record<string, unknown> => {
  const picked = pickBinds(sql, binds);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(picked)) {
    const value: BindValue = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    // executeMany takes plain values (types are inferred from the rows); execute takes a typed bind.
    out[k] = value instanceof Date && !forMany ? { val: value, type: oracledb.DB_TYPE_DATE } : value;
  }
  return out;
};

const isSafeIdentifier = (name: string): boolean => /^[A-Z][A-Z0-9_$#]{0,127}$/i.test(name);

const upperKeys = <T extends Row>(row: Row): T => {
  // Oracle already returns unquoted identifiers in uppercase; quoted lower-case aliases are normalised too.
  for (const key of Object.keys(row)) {
    if (key !== key.toUpperCase()) {
      row[key.toUpperCase()] = row[key];
      delete row[key];
    }
  }
  return row as T;
};

/** Reads DML RETURNING out binds (an array per column, one value per changed row) into rows. */
const returnedRows = <T extends Row>(
  outBinds: Record<string, unknown> | undefined,
  columns: string[],
  rowsAffected: number,
): T[] => {
  const values = columns.map((c) => {
    const v = outBinds?.[returningBindName(c)];
    return Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : [v];
  });
  const count = Math.max(rowsAffected, ...values.map((v) => v.length));
  return Array.from({ length: count }, (_, i) => {
    const row: Row = {};
    columns.forEach((c, j) => (row[c.toUpperCase()] = values[j]![i] ?? null));
    return row as T;
  });
};

const connectionSession = (
  connection: () => Promise<Connection>,
  release: (c: Connection) => Promise<void>,
  autoCommit: boolean,
  context: DbErrorContext = {},
  callTimeoutMs = DEFAULT_CALL_TIMEOUT_SECONDS * 1000,
): DbSession => {
  const acquire = async (): Promise<Connection> => {
    const c = await connection();
    c.callTimeout = callTimeoutMs;
    return c;
  };
  const withConnection = async <T>(work: (c: Connection) => Promise<T>): Promise<T> => {
    let c: Connection | undefined;
    try {
      c = await acquire();
      return await work(c);
    } catch (error) {
      throw mapDbError(error, context);
    } finally {
      if (c) await release(c).catch(() => {});
    }
  };
  return {
    dialect: oracleDialect,
    query: <T extends Row>(sql: string, binds?: Binds) =>
      withConnection(async (c) => {
        const result = await c.execute<Row>(sql, toOracleBinds(sql, binds), {
          outFormat: oracledb.OUT_FORMAT_OBJECT,
        });
        return (result.rows ?? []).map((r) => upperKeys<T>(r));
      }),
    queryOne: <T extends Row>(sql: string, binds?: Binds) =>
      withConnection(async (c) => {
        const result = await c.execute<Row>(sql, toOracleBinds(sql, binds), {
          outFormat: oracledb.OUT_FORMAT_OBJECT,
          fetchArraySize: 2,
          prefetchRows: 2,
        });
        const row = result.rows?.[0];
        return row ? upperKeys<T>(row) : undefined;
      }),
    execute: (sql: string, binds?: Binds): Promise<ExecuteResult> =>
      withConnection(async (c) => {
        const result = await c.execute(sql, toOracleBinds(sql, binds), { autoCommit });
        // node-oracledb 6 RESOLVES a CREATE TRIGGER/PROCEDURE… that compiled with errors (ORA-24344) and
        // only sets result.warning (NJS-700): the object exists but is INVALID. Never report that as success.
        if (result.warning) throw compiledWithErrors(sql, result.warning);
        return { rowsAffected: result.rowsAffected ?? 0 };
      }),
    executeReturning: <T extends Row>(
      sql: string,
      binds: Binds | undefined,
      returning: Record<string, ReturningType>,
    ): Promise<ReturningResult<T>> =>
      withConnection(async (c) => {
        const columns = Object.keys(returning);
        const out: Record<string, unknown> = {};
        for (const column of columns)
          out[returningBindName(column)] =
            returning[column] === 'number'
              ? { dir: oracledb.BIND_OUT, type: oracledb.DB_TYPE_NUMBER }
              : { dir: oracledb.BIND_OUT, type: oracledb.DB_TYPE_VARCHAR, maxSize: 4000 };
        const result = await c.execute(
          `${sql}${oracleDialect.returning(columns)}`,
          { ...toOracleBinds(sql, binds), ...out },
          { autoCommit },
        );
        const rowsAffected = result.rowsAffected ?? 0;
        return { rowsAffected, rows: returnedRows<T>(result.outBinds, columns, rowsAffected) };
      }),
    executeMany: (sql: string, many: Binds[]): Promise<ExecuteResult> =>
      withConnection(async (c) => {
        if (many.length === 0) return { rowsAffected: 0 };
        const result = await c.executeMany(
          sql,
          many.map((b) => toOracleBinds(sql, b, true)),
          { autoCommit },
        );
        return { rowsAffected: result.rowsAffected ?? 0 };
      }),
    stream: <T extends Row>(sql: string, binds?: Binds, options?: StreamOptions): AsyncIterable<T> => ({
      [Symbol.asyncIterator]: async function* () {
        const batch = options?.batchSize ?? FETCH_ARRAY_SIZE;
        let c: Connection | undefined;
        try {
          c = await acquire();
          const result = await c.execute<Row>(sql, toOracleBinds(sql, binds), {
            outFormat: oracledb.OUT_FORMAT_OBJECT,
            resultSet: true,
            fetchArraySize: batch,
            prefetchRows: batch + 1,
          });
          const resultSet = result.resultSet!;
          try {
            for (;;) {
              const rows = await resultSet.getRows(batch);
              if (rows.length === 0) break;
              for (const row of rows) yield upperKeys<T>(row);
            }
          } finally {
            await resultSet.close().catch(() => {});
          }
        } catch (error) {
          throw mapDbError(error, context);
        } finally {
          if (c) await release(c).catch(() => {});
        }
      },
    }),
  };
};

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
    try {
      const pool = await oracledb.createPool({
        user: options.user,
        password: options.password,
        connectString: options.connectString,
        poolMin: options.poolMin ?? 1,
        poolMax: options.poolMax ?? 4,
        poolIncrement: 1,
        queueTimeout: 60_000,
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
