import { sequenceName } from '../db/dialect';
import type { ColumnDef, QueueTriggerDef, TableDef } from './integration-objects';

/**
 * DDL and trigger bodies per dialect. Every statement is idempotent on its own, so a script stopped half
 * way can simply be run again: Oracle blocks ignore "already exists" / "does not exist" errors
 * (ORA-00955, ORA-01408 / ORA-00942, ORA-02289, ORA-04080); SQLite uses IF [NOT] EXISTS.
 */
export interface SchemaDdl {
  /** Session settings a script runs under (Oracle: a bounded DDL_LOCK_TIMEOUT, ADR 0108). */
  beginScript(): string[];
  createTable(table: TableDef): string[];
  dropTable(table: TableDef): string[];
  /** New nullable columns on an existing WTC_ table (Oracle ignores ORA-01430, "column already exists"). */
  addColumns(table: string, columns: readonly ColumnDef[]): string[];
  /** An index on an existing WTC_ table (Oracle ignores ORA-00955 / ORA-01408, like createTable's). */
  createIndex(table: string, index: { name: string; columns: string[] }): string[];
  /** A text column made longer (Oracle MODIFY; SQLite does not enforce VARCHAR2 sizes: nothing to do). */
  widenColumn(table: string, column: ColumnDef): string[];
  dropIndex(name: string): string[];
  /** How many values of a table's ID sequence each instance caches (Oracle only). */
  setSequenceCache(table: TableDef, cache: number): string[];
  /**
   * The trigger on `trigger.table`, or on `tableOwner.table` when the table belongs to another schema (reached
   * through a synonym): the trigger is then created in the current schema on the owner's table.
   */
  createQueueTrigger(trigger: QueueTriggerDef, tableOwner?: string): string[];
  dropQueueTrigger(trigger: QueueTriggerDef): string[];
  /**
   * Rights of another user on a table we created (and on its sequence): for installs into another owner's
   * schema, where the objects belong to the owner and the connected user has none (ADR 0101).
   */
  grantAccess(table: TableDef, grantee: string): string[];
  recordVersion(version: number, description: string): string[];
  /** Statements that end a script (Oracle: COMMIT of the version rows). */
  finish(): string[];
  /** How a statement is shown in a script for a DBA. */
  renderScript(statements: string[], header: string): string;
}

const hasId = (table: TableDef) => table.columns.some((c) => c.type.kind === 'id');
const quote = (text: string) => text.replace(/'/g, "''");

// ---------------------------------------------------------------- Oracle

const oracleType = (column: ColumnDef): string => {
  switch (column.type.kind) {
    case 'id':
      return 'NUMBER(19)';
    case 'int':
      return 'NUMBER(10)';
    case 'decimal':
      return 'NUMBER';
    case 'text':
      return `VARCHAR2(${column.type.size})`;
    case 'date':
      return 'DATE';
    case 'clob':
      return 'CLOB';
  }
};

/** Runs DDL through EXECUTE IMMEDIATE, ignoring the listed ORA codes (negative SQLCODEs). */
const oracleGuarded = (ddl: string, ignore: number[]): string =>
  `BEGIN\n  EXECUTE IMMEDIATE '${quote(ddl)}';\nEXCEPTION\n  WHEN OTHERS THEN\n    IF SQLCODE NOT IN (${ignore.join(', ')}) THEN RAISE; END IF;\nEND;`;

/**
 * Seconds a DDL statement of the install waits for its lock on a WinThor table (CREATE TRIGGER on PCEST, PCPEDC…
 * needs one while no WinThor transaction has the table open). The default, 0, fails at once with ORA-00054;
 * past this bound it fails the same way, and the install is to be run again in a quiet window.
 */
export const INSTALL_DDL_LOCK_TIMEOUT_SECONDS = 10;

/** Back to Oracle's default once the app's own install or uninstall is done (the connection goes back to the pool). */
export const ORACLE_RESET_DDL_LOCK_TIMEOUT = 'ALTER SESSION SET DDL_LOCK_TIMEOUT = 0';

/** DROP TRIGGER that ignores "does not exist" (ORA-04080). */
export const oracleDropTrigger = (name: string): string => oracleGuarded(`DROP TRIGGER ${name}`, [-4080]);

/**
 * TRUE when the column's value changed, FALSE when it did not — never NULL. In SQL's three-valued logic
 * `:OLD.c <> :NEW.c` is NULL when either side is NULL, and so is `NOT (… OR NULL)`: an `IF NOT (…) THEN
 * RETURN` then skips the RETURN and queues a row for a column that is NULL before and after (PCPRODUT.
 * DTEXCLUSAO of every live product, PCPEDC.NUMNOTA until invoicing). The `<>` is only reached when both
 * sides are NOT NULL, so every branch is TRUE or FALSE (Oracle's rules by reading; the tests evaluate the
 * generated text with those rules, sql-three-valued-logic.test-support.ts).
 */
export const oracleChanged = (c: string): string =>
  `((:OLD.${c} IS NULL AND :NEW.${c} IS NOT NULL) OR (:OLD.${c} IS NOT NULL AND :NEW.${c} IS NULL) OR (:OLD.${c} IS NOT NULL AND :NEW.${c} IS NOT NULL AND :OLD.${c} <> :NEW.${c}))`;

/** A user name as SESSION_USER gives it: plain when it is an ordinary identifier, otherwise quoted. */
const oracleUserName = (name: string): string =>
  /^[A-Z][A-Z0-9_$#]{0,127}$/.test(name) ? name : `"${name.replace(/"/g, '')}"`;

export const oracleDdl: SchemaDdl = {
  beginScript: () => [`ALTER SESSION SET DDL_LOCK_TIMEOUT = ${INSTALL_DDL_LOCK_TIMEOUT_SECONDS}`],
  createTable: (table) => {
    const key = hasId(table) ? ['ID'] : table.primaryKey!;
    const columns = table.columns.map((c) => `${c.name} ${oracleType(c)}${c.notNull ? ' NOT NULL' : ''}`);
    columns.push(`CONSTRAINT ${table.name}_PK PRIMARY KEY (${key.join(', ')})`);
    for (const u of table.unique ?? []) columns.push(`CONSTRAINT ${u.name} UNIQUE (${u.columns.join(', ')})`);
    const out = [oracleGuarded(`CREATE TABLE ${table.name} (${columns.join(', ')})`, [-955])];
    if (hasId(table))
      out.push(
        oracleGuarded(
          `CREATE SEQUENCE ${sequenceName(table.name)} START WITH 1 INCREMENT BY 1 CACHE 100 NOCYCLE`,
          [-955],
        ),
      );
    for (const ix of table.indexes ?? [])
      out.push(
        oracleGuarded(`CREATE INDEX ${ix.name} ON ${table.name} (${ix.columns.join(', ')})`, [-955, -1408]),
      );
    return out;
  },
  addColumns: (table, columns) =>
    columns.map((c) => oracleGuarded(`ALTER TABLE ${table} ADD (${c.name} ${oracleType(c)})`, [-1430])),
  createIndex: (table, ix) => [
    oracleGuarded(`CREATE INDEX ${ix.name} ON ${table} (${ix.columns.join(', ')})`, [-955, -1408]),
  ],
  // Widening to the same or a larger size is accepted again (by reading), so the statement can be re-run.
  widenColumn: (table, c) => [`ALTER TABLE ${table} MODIFY (${c.name} ${oracleType(c)})`],
  // ORA-01418: the index does not exist (its table was dropped first, or a half install).
  dropIndex: (name) => [oracleGuarded(`DROP INDEX ${name}`, [-1418])],
  dropTable: (table) => [
    oracleGuarded(`DROP TABLE ${table.name} PURGE`, [-942]),
    ...(hasId(table) ? [oracleGuarded(`DROP SEQUENCE ${sequenceName(table.name)}`, [-2289])] : []),
  ],
  // Setting the same CACHE again is accepted, so the statement can be re-run (by reading).
  setSequenceCache: (table, cache) =>
    hasId(table) ? [`ALTER SEQUENCE ${sequenceName(table.name)} CACHE ${cache}`] : [],
  createQueueTrigger: (t, tableOwner) => {
    const value = (c: string) => `NVL(:NEW.${c}, :OLD.${c})`;
    const key = [
      ...(t.keyPrefix ? [`'${t.keyPrefix}'`] : []),
      ...t.keyColumns.map((c, i) => `${i > 0 ? `'.' || ` : ''}TO_CHAR(${value(c)})`),
    ].join(' || ');
    // The queue insert is dynamic SQL on purpose: a static INSERT would make the trigger depend on
    // WTC_CHANGE_QUEUE and its sequence, so dropping either would leave the trigger INVALID and every WinThor
    // write to the table would fail with ORA-04098 before the handler below could run. Resolved at run time,
    // a missing table or sequence (ORA-00942 / ORA-02289) is just another error the handler swallows
    // (ADR 0102; Oracle behaviour by reading the PL/SQL documentation, not observed here).
    return [
      `CREATE OR REPLACE TRIGGER ${t.name}
AFTER INSERT OR DELETE OR UPDATE OF ${t.columns.join(', ')} ON ${tableOwner ? `${oracleUserName(tableOwner)}.` : ''}${t.table}
FOR EACH ROW
-- Integração WinThor Ciashop: só anota (entidade, filial, chave) na fila WTC_CHANGE_QUEUE.
DECLARE
  V_OPERATION CHAR(1);
  V_BRANCH VARCHAR2(2);
  V_KEY VARCHAR2(60);
BEGIN
  IF INSERTING THEN
    V_OPERATION := 'I';
  ELSIF DELETING THEN
    V_OPERATION := 'D';
  ELSE
    IF NOT (${t.columns.map(oracleChanged).join('\n         OR ')}) THEN
      RETURN;
    END IF;
    V_OPERATION := 'U';
  END IF;
${t.branchColumn ? `  V_BRANCH := ${value(t.branchColumn)};\n` : ''}  V_KEY := ${key};
  EXECUTE IMMEDIATE 'INSERT INTO WTC_CHANGE_QUEUE (ID, ENTITY, BRANCH, ERP_KEY, OPERATION, CREATED_AT) VALUES (WTC_CHANGE_QUEUE_SEQ.NEXTVAL, :1, :2, :3, :4, SYSDATE)'
    USING '${t.entity}', V_BRANCH, V_KEY, V_OPERATION;
EXCEPTION
  -- Never break a WinThor transaction: a lost change is caught by the reconcile job (ADR 0102).
  WHEN OTHERS THEN NULL;
END;`,
    ];
  },
  dropQueueTrigger: (t) => [oracleDropTrigger(t.name)],
  // GRANT of a privilege already held is accepted again without error (by reading), so it is idempotent.
  grantAccess: (table, grantee) => [
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table.name} TO ${oracleUserName(grantee)}`,
    ...(hasId(table) ? [`GRANT SELECT ON ${sequenceName(table.name)} TO ${oracleUserName(grantee)}`] : []),
  ],
  recordVersion: (version, description) => [
    `BEGIN\n  INSERT INTO WTC_SCHEMA_VERSION (VERSION, APPLIED_AT, DESCRIPTION) VALUES (${version}, SYSDATE, '${quote(description)}');\nEXCEPTION\n  WHEN DUP_VAL_ON_INDEX THEN NULL;\nEND;`,
  ],
  finish: () => ['COMMIT'],
  renderScript: (statements, header) =>
    `${header
      .split('\n')
      .map((l) => `-- ${l}`)
      .join('\n')}\n\n${statements.map((s) => `${s}\n/\n`).join('\n')}`,
};

// ---------------------------------------------------------------- SQLite

const sqliteType = (column: ColumnDef): string => {
  switch (column.type.kind) {
    case 'id':
      return 'INTEGER PRIMARY KEY AUTOINCREMENT';
    case 'int':
      return 'INTEGER';
    case 'decimal':
      return 'NUMERIC';
    case 'text':
      return `VARCHAR2(${column.type.size})`;
    case 'date':
      return 'DATE';
    case 'clob':
      return 'CLOB';
  }
};

export const sqliteDdl: SchemaDdl = {
  // One file, no other sessions' DDL locks to wait for; sequences are AUTOINCREMENT.
  beginScript: () => [],
  setSequenceCache: () => [],
  createTable: (table) => {
    const columns = table.columns.map(
      (c) => `${c.name} ${sqliteType(c)}${c.notNull && c.type.kind !== 'id' ? ' NOT NULL' : ''}`,
    );
    if (!hasId(table))
      columns.push(`CONSTRAINT ${table.name}_PK PRIMARY KEY (${table.primaryKey!.join(', ')})`);
    for (const u of table.unique ?? []) columns.push(`CONSTRAINT ${u.name} UNIQUE (${u.columns.join(', ')})`);
    return [
      `CREATE TABLE IF NOT EXISTS ${table.name} (\n  ${columns.join(',\n  ')}\n)`,
      ...(table.indexes ?? []).map(
        (ix) => `CREATE INDEX IF NOT EXISTS ${ix.name} ON ${table.name} (${ix.columns.join(', ')})`,
      ),
    ];
  },
  dropTable: (table) => [`DROP TABLE IF EXISTS ${table.name}`],
  // SQLite has no ADD COLUMN IF NOT EXISTS: its install runs in one transaction with the version record, so
  // a step is either wholly there (and not planned again) or not at all.
  addColumns: (table, columns) =>
    columns.map((c) => `ALTER TABLE ${table} ADD COLUMN ${c.name} ${sqliteType(c)}`),
  createIndex: (table, ix) => [
    `CREATE INDEX IF NOT EXISTS ${ix.name} ON ${table} (${ix.columns.join(', ')})`,
  ],
  dropIndex: (name) => [`DROP INDEX IF EXISTS ${name}`],
  widenColumn: () => [],
  createQueueTrigger: (t) => {
    const key = (row: 'NEW' | 'OLD') =>
      [
        ...(t.keyPrefix ? [`'${t.keyPrefix}'`] : []),
        ...t.keyColumns.map((c, i) => `${i > 0 ? `'.' || ` : ''}CAST(${row}.${c} AS TEXT)`),
      ].join(' || ');
    const insert = (row: 'NEW' | 'OLD', operation: string) =>
      `INSERT INTO WTC_CHANGE_QUEUE (ENTITY, BRANCH, ERP_KEY, OPERATION, CREATED_AT) VALUES ('${t.entity}', ${t.branchColumn ? `${row}.${t.branchColumn}` : 'NULL'}, ${key(row)}, '${operation}', datetime('now', 'localtime'));`;
    return [
      `CREATE TRIGGER IF NOT EXISTS ${t.name}_I AFTER INSERT ON ${t.table} FOR EACH ROW\nBEGIN\n  ${insert('NEW', 'I')}\nEND`,
      `CREATE TRIGGER IF NOT EXISTS ${t.name}_U AFTER UPDATE OF ${t.columns.join(', ')} ON ${t.table} FOR EACH ROW\n  WHEN ${t.columns
        .map((c) => `OLD.${c} IS NOT NEW.${c}`)
        .join(' OR ')}\nBEGIN\n  ${insert('NEW', 'U')}\nEND`,
      `CREATE TRIGGER IF NOT EXISTS ${t.name}_D AFTER DELETE ON ${t.table} FOR EACH ROW\nBEGIN\n  ${insert('OLD', 'D')}\nEND`,
    ];
  },
  dropQueueTrigger: (t) => ['_I', '_U', '_D'].map((suffix) => `DROP TRIGGER IF EXISTS ${t.name}${suffix}`),
  // One file, no users.
  grantAccess: () => [],
  recordVersion: (version, description) => [
    `INSERT OR IGNORE INTO WTC_SCHEMA_VERSION (VERSION, APPLIED_AT, DESCRIPTION) VALUES (${version}, datetime('now', 'localtime'), '${quote(description)}')`,
  ],
  finish: () => [],
  renderScript: (statements, header) =>
    `${header
      .split('\n')
      .map((l) => `-- ${l}`)
      .join('\n')}\n\n${statements.map((s) => `${s};\n`).join('\n')}`,
};

export const schemaDdlFor = (dialect: 'oracle' | 'sqlite'): SchemaDdl =>
  dialect === 'oracle' ? oracleDdl : sqliteDdl;
