import type { DbSession } from '../db/db';
import { chunk, fit, inList, wholeSeconds } from './sql-helpers';
import { STORE_ORDER_COLUMNS, toStoreOrderRecord, type StoreOrderRecord } from './store-order-record';

/** What follows an order's import: the store told it was processed, and its status sent back. */

/**
 * Orders the store still has to be told about: imported or cancelled, not acknowledged yet (an older store
 * answers 404 and they stay so: the unique key is then the only guard against a second import).
 */
export const listUnacknowledged = async (
  db: DbSession,
  branch: string,
  limit: number,
): Promise<StoreOrderRecord[]> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${STORE_ORDER_COLUMNS} FROM WTC_STORE_ORDER
        WHERE WTC_STORE_ORDER.BRANCH = :branch AND WTC_STORE_ORDER.STATE IN ('imported', 'cancelled')
          AND WTC_STORE_ORDER.ACKNOWLEDGED_AT IS NULL
        ORDER BY WTC_STORE_ORDER.ID`,
    ),
    { branch, row_limit: limit },
  );
  return rows.map(toStoreOrderRecord);
};

export const markAcknowledged = async (db: DbSession, ids: readonly number[], at: Date): Promise<void> => {
  for (const part of chunk([...new Set(ids)])) {
    if (part.length === 0) continue;
    const list = inList('i', part);
    await db.execute(
      `UPDATE WTC_STORE_ORDER SET ACKNOWLEDGED_AT = :at WHERE WTC_STORE_ORDER.ID IN (${list.sql})`,
      { at: wholeSeconds(at), ...list.binds },
    );
  }
};

/** Our orders among these WinThor orders (NUMPED), for the status sent back to the store. */
export const findStoreOrdersByNumped = async (
  db: DbSession,
  numpeds: readonly number[],
): Promise<StoreOrderRecord[]> => {
  const out: StoreOrderRecord[] = [];
  for (const part of chunk([...new Set(numpeds)])) {
    if (part.length === 0) continue;
    const list = inList('n', part);
    const rows = await db.query(
      `SELECT ${STORE_ORDER_COLUMNS} FROM WTC_STORE_ORDER WHERE WTC_STORE_ORDER.NUMPED IN (${list.sql}) ORDER BY WTC_STORE_ORDER.ID`,
      list.binds,
    );
    out.push(...rows.map(toStoreOrderRecord));
  }
  return out;
};

/**
 * Imported orders of a branch whose status in the store may still change: nothing sent yet, or the last
 * status sent is not final (`finalPrefixes`: what STATUS_SENT starts with once the order is done), or final
 * but written since `recent.since` with `recent.prefix` and no tracking part (invoiced orders still followed
 * for a tracking code).
 */
export const listOrdersInProgress = async (
  db: DbSession,
  filter: {
    branch: string;
    finalPrefixes: readonly string[];
    recent?: { prefix: string; since: Date };
    afterId?: number;
    limit?: number;
  },
): Promise<StoreOrderRecord[]> => {
  const finals = filter.finalPrefixes.map((_, i) => `WTC_STORE_ORDER.STATUS_SENT NOT LIKE :final${i}`);
  const recent = filter.recent
    ? ` OR (WTC_STORE_ORDER.STATUS_SENT LIKE :recent_prefix AND WTC_STORE_ORDER.STATUS_SENT NOT LIKE :recent_tracked
            AND WTC_STORE_ORDER.UPDATED_AT >= :recent_since)`
    : '';
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${STORE_ORDER_COLUMNS} FROM WTC_STORE_ORDER
        WHERE WTC_STORE_ORDER.BRANCH = :branch AND WTC_STORE_ORDER.STATE = 'imported'
          AND WTC_STORE_ORDER.ID > :after_id
          AND (WTC_STORE_ORDER.STATUS_SENT IS NULL${finals.length ? ` OR (${finals.join(' AND ')})` : ''}${recent})
        ORDER BY WTC_STORE_ORDER.ID`,
    ),
    {
      branch: filter.branch,
      after_id: filter.afterId ?? 0,
      row_limit: filter.limit ?? 500,
      ...Object.fromEntries(filter.finalPrefixes.map((p, i) => [`final${i}`, `${p}%`])),
      ...(filter.recent
        ? {
            recent_prefix: `${filter.recent.prefix}%`,
            // number|key|tracking: a third part is a tracking code already sent.
            recent_tracked: `${filter.recent.prefix}%|%|%`,
            recent_since: wholeSeconds(filter.recent.since),
          }
        : {}),
    },
  );
  return rows.map(toStoreOrderRecord);
};

export const setStatusSent = async (db: DbSession, id: number, sent: string, at: Date): Promise<void> => {
  await db.execute(
    `UPDATE WTC_STORE_ORDER SET STATUS_SENT = :status_sent, UPDATED_AT = :updated_at WHERE WTC_STORE_ORDER.ID = :id`,
    { id, status_sent: fit(sent, 120), updated_at: wholeSeconds(at) },
  );
};
