import type { Db } from '../db/db';
import { DEMO_TABLES } from './demo-tables';

/**
 * CREATE TABLE statements of the demo WinThor: the PC* tables and columns the integration uses, with the
 * dictionary's types (SQLite derives its affinity from them; Oracle takes them as they are). Oracle is
 * only a target for the Oracle test suite, on a throw-away database.
 */
export const demoSchemaStatements = (dialect: 'oracle' | 'sqlite'): string[] => {
  const statements = Object.entries(DEMO_TABLES).map(([table, def]) => {
    const columns = Object.entries(def.columns).map(
      ([name, type]) => `  ${name} ${type}${def.primaryKey.includes(name) ? ' NOT NULL' : ''}`,
    );
    if (def.primaryKey.length)
      columns.push(`  CONSTRAINT ${table}_PK PRIMARY KEY (${def.primaryKey.join(', ')})`);
    return `CREATE TABLE ${dialect === 'sqlite' ? 'IF NOT EXISTS ' : ''}${table} (\n${columns.join(',\n')}\n)`;
  });
  statements.push(
    `CREATE INDEX ${dialect === 'sqlite' ? 'IF NOT EXISTS ' : ''}PCCLIENT_CGCENT_IDX ON PCCLIENT (CGCENT)`,
  );
  return statements;
};

const tableOf = (statement: string): string | undefined =>
  /CREATE TABLE (?:IF NOT EXISTS )?(\w+)/.exec(statement)?.[1];

/**
 * A demo file made by an older version lacks the columns added since (PCCLIENT.CODFILIALNF, …): add them,
 * empty, so the product's SQL runs on it (SQLite's ALTER TABLE ADD COLUMN).
 */
const addMissingDemoColumns = async (db: Db): Promise<void> => {
  for (const [table, def] of Object.entries(DEMO_TABLES)) {
    const present = new Set(
      (await db.query(`SELECT name AS NAME FROM pragma_table_info(:table_name)`, { table_name: table })).map(
        (r) => String(r.NAME).toUpperCase(),
      ),
    );
    for (const [column, type] of Object.entries(def.columns))
      if (!present.has(column)) await db.execute(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
};

/** Creates the demo PC* tables that do not exist yet (and, on SQLite, the columns an older demo lacks). */
export const createDemoSchema = async (db: Db): Promise<void> => {
  const dialect = db.dialect.name;
  if (dialect === 'sqlite') {
    for (const statement of demoSchemaStatements('sqlite')) await db.execute(statement);
    await addMissingDemoColumns(db);
    return;
  }
  const existing = new Set(
    (await db.query(`SELECT TABLE_NAME FROM USER_TABLES`)).map((r) => String(r.TABLE_NAME)),
  );
  for (const statement of demoSchemaStatements('oracle')) {
    const table = tableOf(statement);
    if (table && existing.has(table)) continue;
    if (!table && existing.has('PCCLIENT')) continue;
    await db.execute(statement);
  }
};

/** Drops the demo tables (Oracle test suite cleanup; never run against a real WinThor). */
export const dropDemoSchema = async (db: Db): Promise<void> => {
  for (const table of Object.keys(DEMO_TABLES)) {
    await db.execute(`DROP TABLE ${table}`).catch(() => {});
  }
};
