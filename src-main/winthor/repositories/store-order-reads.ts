import type { DbSession } from '../db/db';
import { chunk, inList, toNumber, toText } from './sql-helpers';
import {
  STORE_ORDER_COLUMNS,
  statesInList,
  toStoreOrderRecord,
  type StoreOrderRecord,
  type StoreOrderState,
} from './store-order-record';

/** The records of these store order ids (absent ids are missing from the map). */
export const getStoreOrders = async (
  db: DbSession,
  storeKey: string,
  storeOrderIds: readonly string[],
): Promise<Map<string, StoreOrderRecord>> => {
  const out = new Map<string, StoreOrderRecord>();
  for (const part of chunk([...new Set(storeOrderIds)])) {
    if (part.length === 0) continue;
    const list = inList('o', part);
    const rows = await db.query(
      `SELECT ${STORE_ORDER_COLUMNS} FROM WTC_STORE_ORDER
        WHERE WTC_STORE_ORDER.STORE_KEY = :store_key AND WTC_STORE_ORDER.STORE_ORDER_ID IN (${list.sql})`,
      { store_key: storeKey, ...list.binds },
    );
    for (const row of rows) {
      const record = toStoreOrderRecord(row);
      out.set(record.storeOrderId, record);
    }
  }
  return out;
};

export const getStoreOrder = async (db: DbSession, id: number): Promise<StoreOrderRecord | undefined> => {
  const row = await db.queryOne(
    `SELECT ${STORE_ORDER_COLUMNS} FROM WTC_STORE_ORDER WHERE WTC_STORE_ORDER.ID = :id`,
    {
      id,
    },
  );
  return row ? toStoreOrderRecord(row) : undefined;
};

/** Orders of a branch in some states, oldest first, a page at a time (keyset on ID). */
export const listStoreOrders = async (
  db: DbSession,
  filter: { branch: string; states: readonly StoreOrderState[]; afterId?: number; limit?: number },
): Promise<StoreOrderRecord[]> => {
  const states = statesInList(filter.states);
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${STORE_ORDER_COLUMNS} FROM WTC_STORE_ORDER
        WHERE WTC_STORE_ORDER.BRANCH = :branch AND WTC_STORE_ORDER.STATE IN (${states.sql})
          AND WTC_STORE_ORDER.ID > :after_id
        ORDER BY WTC_STORE_ORDER.ID`,
    ),
    { branch: filter.branch, after_id: filter.afterId ?? 0, row_limit: filter.limit ?? 500, ...states.binds },
  );
  return rows.map(toStoreOrderRecord);
};

/** Orders per state of a branch (Painel, tests). */
export const countStoreOrders = async (
  db: DbSession,
  branch: string,
): Promise<Partial<Record<StoreOrderState, number>>> => {
  const rows = await db.query(
    `SELECT WTC_STORE_ORDER.STATE, COUNT(*) AS N FROM WTC_STORE_ORDER
      WHERE WTC_STORE_ORDER.BRANCH = :branch GROUP BY WTC_STORE_ORDER.STATE`,
    { branch },
  );
  return Object.fromEntries(rows.map((row) => [toText(row.STATE), toNumber(row.N)]));
};
