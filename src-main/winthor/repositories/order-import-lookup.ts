import type { DbSession } from '../db/db';
import { chunk, inList, toOptionalNumber, toText } from './sql-helpers';

/**
 * The WinThor NUMPED of store orders the import already recorded (WTC_STORE_ORDER), by branch and store
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
      `SELECT WTC_STORE_ORDER.BRANCH, WTC_STORE_ORDER.STORE_ORDER_ID, WTC_STORE_ORDER.NUMPED
         FROM WTC_STORE_ORDER
        WHERE WTC_STORE_ORDER.STORE_ORDER_ID IN (${list.sql}) AND WTC_STORE_ORDER.NUMPED IS NOT NULL`,
      list.binds,
    );
    for (const row of rows) {
      const numped = toOptionalNumber(row.NUMPED);
      if (numped !== null) found.set(`${toText(row.BRANCH)}|${toText(row.STORE_ORDER_ID)}`, numped);
    }
  }
  return found;
};
