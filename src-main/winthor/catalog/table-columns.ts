import type { DbSession } from '../db/db';
import { inList } from '../repositories/sql-helpers';
import type { TableLocation } from './table-locations';

/** A column as the connected database has it. */
export interface ColumnInfo {
  name: string;
  nullable: boolean;
  /** A DEFAULT is declared (Oracle: DEFAULT_LENGTH not null; SQLite: dflt_value not null). */
  hasDefault: boolean;
}

/**
 * The columns of located tables, keyed by the name the integration uses (PCEST): Oracle reads ALL_TAB_COLUMNS
 * of each table's owner (DEFAULT_LENGTH, not the LONG DATA_DEFAULT, tells whether a default exists); the
 * embedded database reads pragma_table_info.
 */
export const readTableColumns = async (
  db: DbSession,
  locations: readonly TableLocation[],
): Promise<Map<string, ColumnInfo[]>> => {
  const columns = new Map<string, ColumnInfo[]>(locations.map((l) => [l.table, []]));
  if (db.dialect.name !== 'oracle') {
    for (const location of locations) {
      const rows = await db.query(
        `SELECT name AS COLUMN_NAME, "notnull" AS NOT_NULL, dflt_value AS DEFAULT_VALUE FROM pragma_table_info(:table_name)`,
        { table_name: location.name },
      );
      columns.set(
        location.table,
        rows.map((r) => ({
          name: String(r.COLUMN_NAME).toUpperCase(),
          nullable: Number(r.NOT_NULL) === 0,
          hasDefault: r.DEFAULT_VALUE !== null && r.DEFAULT_VALUE !== undefined,
        })),
      );
    }
    return columns;
  }
  const byOwner = new Map<string, TableLocation[]>();
  for (const l of locations) byOwner.set(l.owner ?? '', [...(byOwner.get(l.owner ?? '') ?? []), l]);
  for (const [owner, owned] of byOwner) {
    const list = inList('t', [...new Set(owned.map((l) => l.name))]);
    const rows = await db.query(
      `SELECT ALL_TAB_COLUMNS.TABLE_NAME, ALL_TAB_COLUMNS.COLUMN_NAME, ALL_TAB_COLUMNS.NULLABLE, ALL_TAB_COLUMNS.DEFAULT_LENGTH
         FROM ALL_TAB_COLUMNS WHERE ALL_TAB_COLUMNS.OWNER = :owner AND ALL_TAB_COLUMNS.TABLE_NAME IN (${list.sql})`,
      { owner, ...list.binds },
    );
    for (const l of owned)
      columns.set(
        l.table,
        rows
          .filter((r) => String(r.TABLE_NAME) === l.name)
          .map((r) => ({
            name: String(r.COLUMN_NAME),
            nullable: String(r.NULLABLE) !== 'N',
            hasDefault: r.DEFAULT_LENGTH !== null && r.DEFAULT_LENGTH !== undefined,
          })),
      );
  }
  return columns;
};
