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
  /** Every new id is above this (store orders after a reinstall, ADR 0217); 0 = the sequence as it is. */
  idFloor = 0,
): Promise<number> => {
  const columns = Object.keys(values);
  const binds = Object.fromEntries(columns.map((c) => [c.toLowerCase(), values[c] ?? null]));
  const placeholders = columns.map((c) => `:${c.toLowerCase()}`);
  if (db.dialect.name === 'oracle') {
    const row = await db.queryOne<{ ID: unknown }>(
      `SELECT ${sequenceName(table)}.NEXTVAL + :id_floor AS ID FROM DUAL`,
      { id_floor: idFloor },
    );
    const id = Number(row?.ID);
    await db.execute(
      `INSERT INTO ${table} (ID, ${columns.join(', ')}) VALUES (:id, ${placeholders.join(', ')})`,
      { id, ...binds },
    );
    return id;
  }
  // The embedded database: AUTOINCREMENT goes on from the highest id, so one id above the floor suffices.
  const id = idFloor > 0 ? `MAX(COALESCE((SELECT MAX(${table}.ID) FROM ${table}), 0), :id_floor) + 1` : null;
  const row = await db.queryOne<{ ID: unknown }>(
    `INSERT INTO ${table} (${id ? 'ID, ' : ''}${columns.join(', ')}) VALUES (${id ? `${id}, ` : ''}${placeholders.join(', ')}) RETURNING ID`,
    id ? { ...binds, id_floor: idFloor } : binds,
  );
  return Number(row?.ID);
};
