// Minimal typings for the parts of node-oracledb (6.x, 26.x) the Oracle adapter uses (the package ships none and
// @types/oracledb is not a dependency). Keep in step with oracle-db.ts.
declare module 'oracledb' {
  export interface Lob {
    getData(): Promise<string | Buffer>;
  }
  export interface ResultSet<T> {
    getRows(count: number): Promise<T[]>;
    close(): Promise<void>;
  }
  export interface Result<T> {
    rows?: T[];
    rowsAffected?: number;
    resultSet?: ResultSet<T>;
    /** OUT binds; for DML RETURNING, each one is an array with a value per changed row. */
    outBinds?: Record<string, unknown>;
    /** Set (and the call resolves) when PL/SQL was created with compilation errors: NJS-700 / ORA-24344. */
    warning?: Error & { code?: string; errorNum?: number };
  }
  export interface ExecuteOptions {
    autoCommit?: boolean;
    outFormat?: number;
    fetchArraySize?: number;
    prefetchRows?: number;
    resultSet?: boolean;
    batchErrors?: boolean;
    bindDefs?: unknown;
  }
  export interface Connection {
    execute<T = unknown>(
      sql: string,
      binds?: Record<string, unknown>,
      options?: ExecuteOptions,
    ): Promise<Result<T>>;
    executeMany(
      sql: string,
      binds: Array<Record<string, unknown>>,
      options?: ExecuteOptions,
    ): Promise<Result<unknown>>;
    commit(): Promise<void>;
    rollback(): Promise<void>;
    close(): Promise<void>;
    readonly oracleServerVersionString: string;
    /** Milliseconds one round trip may take before the driver cancels it (NJS-123); 0 = no limit. */
    callTimeout?: number;
  }
  export interface PoolAttributes {
    user: string;
    password: string;
    connectString: string;
    poolMin?: number;
    poolMax?: number;
    poolIncrement?: number;
    queueTimeout?: number;
    stmtCacheSize?: number;
    connectTimeout?: number;
    sessionCallback?: (connection: Connection, requestedTag: string, done: (error?: Error) => void) => void;
  }
  export interface Pool {
    getConnection(): Promise<Connection>;
    close(drainTime?: number): Promise<void>;
  }
  interface OracleDb {
    OUT_FORMAT_OBJECT: number;
    BIND_OUT: number;
    DB_TYPE_NUMBER: number;
    DB_TYPE_VARCHAR: number;
    DB_TYPE_DATE: number;
    DB_TYPE_TIMESTAMP: number;
    DB_TYPE_CLOB: number;
    thin: boolean;
    outFormat: number;
    fetchArraySize: number;
    prefetchRows: number;
    stmtCacheSize: number;
    fetchAsString: number[];
    initOracleClient(options?: { libDir?: string }): void;
    createPool(attributes: PoolAttributes): Promise<Pool>;
    getConnection(attributes: PoolAttributes): Promise<Connection>;
  }
  const oracledb: OracleDb;
  export default oracledb;
}
