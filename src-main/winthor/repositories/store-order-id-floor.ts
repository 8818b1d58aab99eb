import { AppError } from '../../shared/app-error';
import type { DbSession } from '../db/db';
import { getCursor } from './cursors-repository';
import { toOptionalNumber, wholeSeconds } from './sql-helpers';

const FLOOR_CURSOR = 'orders.idFloor';
/** The cursor's branch for a value of the whole installation. */
const ALL_BRANCHES = '*';

/**
 * The number every store order's id (its PCPEDCFV.NUMPEDRCA) stays above (ADR 0217): the highest NUMPEDRCA
 * already in PCPEDCFV when the integration's tables were (re)installed, fixed on first use. After a
 * reinstall the sequence starts again at 1, and new orders would reuse the NUMPEDRCA of stagings from before
 * (same RCA), which WinThor's importer may take as the same order. Kept in WTC_CURSOR, which a reinstall
 * drops too, so each installation measures its own; the first writer wins a race (primary key).
 */
export const storeOrderIdFloor = async (db: DbSession, at: Date): Promise<number> => {
  const saved = await getCursor(db, FLOOR_CURSOR, ALL_BRANCHES);
  if (saved !== null) return Number(saved) || 0;
  const row = await db.queryOne(`SELECT MAX(PCPEDCFV.NUMPEDRCA) AS N FROM PCPEDCFV`);
  const floor = toOptionalNumber(row?.N) ?? 0;
  try {
    await db.execute(
      `INSERT INTO WTC_CURSOR (NAME, BRANCH, CURSOR_VALUE, UPDATED_AT) VALUES (:name, :branch, :value, :at)`,
      { name: FLOOR_CURSOR, branch: ALL_BRANCHES, value: String(floor), at: wholeSeconds(at) },
    );
    return floor;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'db_unique_violation') throw error;
    return Number(await getCursor(db, FLOOR_CURSOR, ALL_BRANCHES)) || 0;
  }
};
