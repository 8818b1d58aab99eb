import type { DbSession } from '../db/db';
import { chunk, inList, toOptionalNumber, toText } from './sql-helpers';

/**
 * The WinThor NUMPED of store orders the import already recorded (WTC_ORDER_IMPORT), by branch and store
 * order id: the Pendências screen links an order's pendência to both once WinThor has it.
 */
export const numpedsOf = async (
  db: DbSession,
  storeOrderIds: readonly string[],
): Promise<Map<string, number>> => {
  const found = new Map<string, number>();
  for (const ids of chunk([...new Set(storeOrderIds)], 500)) {
    const list = inList('o', ids);
    const rows = await db.query(
      `SELECT WTC_ORDER_IMPORT.BRANCH, WTC_ORDER_IMPORT.STORE_ORDER_ID, WTC_ORDER_IMPORT.NUMPED
         FROM WTC_ORDER_IMPORT
        WHERE WTC_ORDER_IMPORT.STORE_ORDER_ID IN (${list.sql}) AND WTC_ORDER_IMPORT.NUMPED IS NOT NULL`,
      list.binds,
    );
    for (const row of rows) {
      const numped = toOptionalNumber(row.NUMPED);
      if (numped !== null) found.set(`${toText(row.BRANCH)}|${toText(row.STORE_ORDER_ID)}`, numped);
    }
  }
  return found;
};
