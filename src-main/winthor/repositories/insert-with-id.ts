import type { BindValue, DbSession } from '../db/db';
import { sequenceName } from '../db/dialect';

/**
 * Inserts one row into a WTC_ table with an ID column and returns the new ID. Oracle: the ID is taken from
 * the table's sequence first (11.2 has no identity columns, and the Db port has no OUT binds); SQLite:
 * INSERT … RETURNING on the autoincrement key, in one statement (no gap for another insert to slip in).
 */
export const insertWithId = async (
  db: DbSession,
  table: string,
  values: Record<string, BindValue>,
): Promise<number> => {
  const columns = Object.keys(values);
  const binds = Object.fromEntries(columns.map((c) => [c.toLowerCase(), values[c] ?? null]));
  const placeholders = columns.map((c) => `:${c.toLowerCase()}`);
  if (db.dialect.name === 'oracle') {
    const row = await db.queryOne<{ ID: unknown }>(`SELECT ${sequenceName(table)}.NEXTVAL AS ID FROM DUAL`);
    const id = Number(row?.ID);
    await db.execute(
      `INSERT INTO ${table} (ID, ${columns.join(', ')}) VALUES (:id, ${placeholders.join(', ')})`,
      { id, ...binds },
    );
    return id;
  }
  const row = await db.queryOne<{ ID: unknown }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING ID`,
    binds,
  );
  return Number(row?.ID);
};
