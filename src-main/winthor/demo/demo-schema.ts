import type { SqliteDb } from '../db/sqlite-db';
import { DEMO_TABLES } from './demo-tables';

/** CREATE TABLE text of the demo WinThor: the PC* tables and columns the integration uses (SQLite). */
export const demoSchemaScript = (): string =>
  Object.entries(DEMO_TABLES)
    .map(([table, def]) => {
      const columns = Object.entries(def.columns).map(([name, type]) => `  ${name} ${type}${def.primaryKey.includes(name) ? ' NOT NULL' : ''}`);
      if (def.primaryKey.length) columns.push(`  PRIMARY KEY (${def.primaryKey.join(', ')})`);
      return `CREATE TABLE IF NOT EXISTS ${table} (\n${columns.join(',\n')}\n);`;
    })
    .join('\n');

/** Creates the demo PC* tables (idempotent) plus the index WinThor has on PCCLIENT.CGCENT. */
export const createDemoSchema = (db: SqliteDb): void => {
  db.exec(demoSchemaScript());
  db.exec('CREATE INDEX IF NOT EXISTS PCCLIENT_CGCENT ON PCCLIENT (CGCENT);');
};
