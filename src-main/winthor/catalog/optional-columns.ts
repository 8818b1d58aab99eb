import type { DbSession } from '../db/db';
import type { TrackingColumns } from '../repositories/order-status-repository';
import { readTableColumns } from './table-columns';
import { locateTables } from './table-locations';

/**
 * WinThor columns the product reads only where they exist (newer versions), with what is lost without each:
 * the prerequisites warn, nothing fails (ADR 0216). Their SQL is built only after they were found.
 */
export const OPTIONAL_WINTHOR_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  PCPEDC: ['CODIGORASTREIOFRETEVENDA'],
  PCFORNEC: ['URLBASERASTREIO'],
};

/** The optional columns this database has, as `TABLE.COLUMN`. */
export const readOptionalColumns = async (db: DbSession): Promise<Set<string>> => {
  const locations = await locateTables(db, Object.keys(OPTIONAL_WINTHOR_COLUMNS));
  const columns = await readTableColumns(db, [...locations.values()]);
  const present = new Set<string>();
  for (const [table, wanted] of Object.entries(OPTIONAL_WINTHOR_COLUMNS)) {
    const names = new Set((columns.get(table) ?? []).map((c) => c.name));
    for (const column of wanted) if (names.has(column)) present.add(`${table}.${column}`);
  }
  return present;
};

/** Which tracking columns the order status can read; none when the dictionary cannot be read. */
export const readTrackingColumns = async (db: DbSession): Promise<TrackingColumns> => {
  try {
    const present = await readOptionalColumns(db);
    return {
      code: present.has('PCPEDC.CODIGORASTREIOFRETEVENDA'),
      urlBase: present.has('PCFORNEC.URLBASERASTREIO'),
    };
  } catch {
    return { code: false, urlBase: false };
  }
};
