import oracledb, { type Connection } from 'oracledb';
import { pickBinds } from './binds';
import type {
  BindValue,
  Binds,
  DbSession,
  ExecuteResult,
  ReturningResult,
  ReturningType,
  Row,
  StreamOptions,
} from './db';
import { oracleDialect, returningBindName } from './dialect';
import { mapDbError, type DbErrorContext } from './db-errors';
import { compiledWithErrors } from './oracle-compile-errors';

/** Rows fetched per round trip by default. */
export const FETCH_ARRAY_SIZE = 500;
/** No single call of the integration may wait longer than this on a WinThor lock (ADR 0109). */
export const DEFAULT_CALL_TIMEOUT_SECONDS = 60;

/**
 * Dates are wall-clock values (ADR 0105). Reading node-oracledb 6.10's and 26.0's Thin code: DATE and TIMESTAMP
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

export const connectionSession = (
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
