/**
 * The few SQL differences between Oracle and the embedded SQLite stand-in (architecture.md, "Db port").
 * Repositories write portable SQL with named binds and ask the dialect only for these pieces.
 */
export interface Dialect {
  readonly name: 'oracle' | 'sqlite';
  /** Current date and time, server wall clock (Oracle SYSDATE). */
  readonly now: string;
  /** The database's clock `:<bind>` seconds ago (bind a number): SYSDATE - n/86400 on Oracle. */
  secondsAgo(bind: string): string;
  /** ` FROM DUAL` on Oracle, empty on SQLite, for a SELECT of expressions only. */
  readonly fromDual: string;
  /**
   * ` FOR UPDATE WAIT n` on Oracle: a row lock whose wait is bounded (ORA-30006 past it), never an endless
   * wait on a row a WinThor session holds. SQLite locks the whole file for the transaction (BEGIN IMMEDIATE).
   */
  readonly forUpdate: string;
  /** The RETURNING clause the adapter appends for `executeReturning` (Oracle: `… INTO :ret_c`). */
  returning(columns: readonly string[]): string;
  /** Wraps an ordered query so it returns at most `:row_limit` rows (binds must include row_limit). */
  limit(sql: string): string;
  /** The same with another bind name (a query that limits twice: the rows read, then the rows kept). */
  limitBy(sql: string, bind: string): string;
  /** Only the n-th row (1-based, bind `:<bind>`) of an ordered query; none when it has fewer rows. */
  nthRow(sql: string, bind: string): string;
  /** `column` contains the pattern bind (upper-cased, % and _ escaped with \), ignoring case. */
  containsText(column: string, bind: string): string;
  /** The value to insert into an id column: the table's sequence (Oracle) or NULL (SQLite autoincrement). */
  nextId(table: string): string;
  /**
   * An insert-or-update on a unique key: MERGE (Oracle) or INSERT … ON CONFLICT (SQLite). With
   * `withId`, a new row takes its ID from the table's sequence (Oracle) or autoincrement (SQLite).
   */
  upsert(table: string, keyColumns: string[], columns: string[], options?: { withId?: boolean }): string;
  /** Terminator of one statement in a script shown to a DBA. */
  readonly scriptTerminator: string;
}

const assertIdentifier = (name: string): string => {
  if (!/^[A-Z][A-Z0-9_$#]{0,29}$/i.test(name)) throw new Error(`Identificador SQL inválido: ${name}`);
  return name.toUpperCase();
};

export const sequenceName = (table: string): string => `${assertIdentifier(table)}_SEQ`;

/** Seconds a `FOR UPDATE` waits for a row another session holds before giving up (ORA-30006). */
export const ROW_LOCK_WAIT_SECONDS = 5;

/** The Oracle OUT bind that receives a RETURNING column. */
export const returningBindName = (column: string): string => `ret_${assertIdentifier(column).toLowerCase()}`;

export const oracleDialect: Dialect = {
  name: 'oracle',
  now: 'SYSDATE',
  secondsAgo: (bind) => `(SYSDATE - :${bind} / 86400)`,
  fromDual: ' FROM DUAL',
  forUpdate: ` FOR UPDATE WAIT ${ROW_LOCK_WAIT_SECONDS}`,
  returning: (columns) =>
    ` RETURNING ${columns.map(assertIdentifier).join(', ')} INTO ${columns.map((c) => `:${returningBindName(c)}`).join(', ')}`,
  // ROWNUM works on every Oracle version the Thick mode reaches (11g included); FETCH FIRST needs 12c.
  limit: (sql) => `SELECT * FROM (${sql}) WHERE ROWNUM <= :row_limit`,
  limitBy: (sql, bind) => `SELECT * FROM (${sql}) WHERE ROWNUM <= :${bind}`,
  nthRow: (sql, bind) =>
    `SELECT * FROM (SELECT Q.*, ROWNUM AS RN_ FROM (${sql}) Q WHERE ROWNUM <= :${bind}) WHERE RN_ = :${bind}`,
  containsText: (column, bind) => `UPPER(${column}) LIKE :${bind} ESCAPE '\\'`,
  nextId: (table) => `${sequenceName(table)}.NEXTVAL`,
  upsert: (table, keys, columns, options) => {
    const all = [...keys, ...columns.filter((c) => !keys.includes(c))];
    const rest = all.filter((c) => !keys.includes(c));
    const insertColumns = options?.withId ? ['ID', ...all] : all;
    const insertValues = options?.withId
      ? [`${sequenceName(table)}.NEXTVAL`, ...all.map((c) => `S.${c}`)]
      : all.map((c) => `S.${c}`);
    return (
      `MERGE INTO ${assertIdentifier(table)} T USING (SELECT ${all.map((c) => `:${c.toLowerCase()} AS ${c}`).join(', ')} FROM DUAL) S` +
      ` ON (${keys.map((k) => `T.${k} = S.${k}`).join(' AND ')})` +
      (rest.length ? ` WHEN MATCHED THEN UPDATE SET ${rest.map((c) => `T.${c} = S.${c}`).join(', ')}` : '') +
      ` WHEN NOT MATCHED THEN INSERT (${insertColumns.join(', ')}) VALUES (${insertValues.join(', ')})`
    );
  },
  scriptTerminator: '\n/\n',
};

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  now: "datetime('now', 'localtime')",
  secondsAgo: (bind) => `datetime('now', 'localtime', '-' || :${bind} || ' seconds')`,
  fromDual: '',
  forUpdate: '',
  returning: (columns) => ` RETURNING ${columns.map(assertIdentifier).join(', ')}`,
  limit: (sql) => `${sql} LIMIT :row_limit`,
  limitBy: (sql, bind) => `${sql} LIMIT :${bind}`,
  nthRow: (sql, bind) => `${sql} LIMIT 1 OFFSET :${bind} - 1`,
  // SQLite's LIKE already ignores the case of ASCII letters; UPPER() on every row would cost 3× as much.
  containsText: (column, bind) => `${column} LIKE :${bind} ESCAPE '\\'`,
  nextId: () => 'NULL',
  upsert: (table, keys, columns) => {
    const all = [...keys, ...columns.filter((c) => !keys.includes(c))];
    const rest = all.filter((c) => !keys.includes(c));
    return (
      `INSERT INTO ${assertIdentifier(table)} (${all.join(', ')}) VALUES (${all.map((c) => `:${c.toLowerCase()}`).join(', ')})` +
      ` ON CONFLICT (${keys.join(', ')}) DO ${rest.length ? `UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'NOTHING'}`
    );
  },
  scriptTerminator: ';\n',
};
