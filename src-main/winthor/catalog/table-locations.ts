import type { DbSession } from '../db/db';
import { inList } from '../repositories/sql-helpers';

/** Where an unqualified WinThor table name leads. */
export interface TableLocation {
  /** The name the integration's SQL uses (PCEST). */
  table: string;
  /** Owner of the table it resolves to; null on the embedded database. */
  owner: string | null;
  /** The table's own name there (a synonym may point to another name). */
  name: string;
  via: 'schema' | 'synonym' | 'public synonym' | 'embedded';
}

/**
 * Resolves WinThor table names the way Oracle resolves an unqualified name (by reading its name resolution
 * rules): a table of CURRENT_SCHEMA, else a private synonym of CURRENT_SCHEMA, else a public synonym. One
 * level of synonym is followed. Names found nowhere are absent from the result.
 */
export const locateTables = async (
  db: DbSession,
  tables: readonly string[],
): Promise<Map<string, TableLocation>> => {
  const found = new Map<string, TableLocation>();
  if (tables.length === 0) return found;
  const list = inList('t', tables);
  if (db.dialect.name !== 'oracle') {
    const rows = await db.query(
      `SELECT name AS TABLE_NAME FROM sqlite_master WHERE type = 'table' AND name IN (${list.sql})`,
      list.binds,
    );
    for (const r of rows) {
      const table = String(r.TABLE_NAME);
      found.set(table, { table, owner: null, name: table, via: 'embedded' });
    }
    return found;
  }
  const schema = await db.queryOne(
    `SELECT SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS SCHEMA_NAME FROM DUAL`,
  );
  const current = String(schema?.SCHEMA_NAME ?? '');
  const own = await db.query(
    `SELECT ALL_TABLES.TABLE_NAME FROM ALL_TABLES WHERE ALL_TABLES.OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND ALL_TABLES.TABLE_NAME IN (${list.sql})`,
    list.binds,
  );
  for (const r of own) {
    const table = String(r.TABLE_NAME);
    found.set(table, { table, owner: current, name: table, via: 'schema' });
  }
  if (found.size === tables.length) return found;
  const synonyms = await db.query(
    `SELECT ALL_SYNONYMS.OWNER, ALL_SYNONYMS.SYNONYM_NAME, ALL_SYNONYMS.TABLE_OWNER, ALL_SYNONYMS.TABLE_NAME FROM ALL_SYNONYMS
      WHERE ALL_SYNONYMS.OWNER IN (SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA'), 'PUBLIC') AND ALL_SYNONYMS.SYNONYM_NAME IN (${list.sql})`,
    list.binds,
  );
  // A private synonym hides a public one of the same name.
  const ordered = [...synonyms].sort((a, b) => Number(a.OWNER === 'PUBLIC') - Number(b.OWNER === 'PUBLIC'));
  for (const r of ordered) {
    const table = String(r.SYNONYM_NAME);
    if (found.has(table)) continue;
    found.set(table, {
      table,
      owner: String(r.TABLE_OWNER),
      name: String(r.TABLE_NAME),
      via: r.OWNER === 'PUBLIC' ? 'public synonym' : 'synonym',
    });
  }
  return found;
};
