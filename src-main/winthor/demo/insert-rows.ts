import type { DbSession } from '../db/db';

export type SeedRow = Record<string, string | number | Date | null>;

/** Inserts rows through the Db port (both adapters), in batches. Every row has the first row's columns. */
export const insertAll = async (db: DbSession, table: string, rows: SeedRow[]): Promise<void> => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `:${c.toLowerCase()}`).join(', ')})`;
  const lower = (row: SeedRow) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
  for (let i = 0; i < rows.length; i += 5000) await db.executeMany(sql, rows.slice(i, i + 5000).map(lower));
};
