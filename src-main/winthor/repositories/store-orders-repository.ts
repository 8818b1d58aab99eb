import { AppError } from '../../shared/app-error';
import type { BindValue, DbSession } from '../db/db';
import { insertWithId } from './insert-with-id';
import { storeOrderIdFloor } from './store-order-id-floor';
import {
  chunk,
  fit,
  inList,
  toNumber,
  toOptionalDate,
  toOptionalNumber,
  toOptionalText,
  toText,
  wholeSeconds,
} from './sql-helpers';

/**
 * Where a store order stands in the import (WTC_STORE_ORDER, ADR 0114):
 * received (recorded, nothing staged) → waiting (a pendência holds it) → staged (PCPEDCFV written, same
 * transaction) → imported (IMPORTADO = 2, NUMPED) | rejected (IMPORTADO = 3); cancelled = stopped before
 * staging. Only `received` and `waiting` (and `rejected`, on "reprocessar") may become `staged`.
 */
export const STORE_ORDER_STATES = [
  'received',
  'waiting',
  'staged',
  'imported',
  'rejected',
  'cancelled',
] as const;
export type StoreOrderState = (typeof STORE_ORDER_STATES)[number];

/** The states from which an order may be staged (written to PCPEDCFV). */
export const STAGEABLE_STATES: readonly StoreOrderState[] = ['received', 'waiting', 'rejected'];

export interface StoreOrderRecord {
  /** Also the PCPEDCFV.NUMPEDRCA of the order. */
  id: number;
  storeKey: string;
  storeOrderId: string;
  branch: string;
  state: StoreOrderState;
  storeStatus: string | null;
  payload: string | null;
  storeTotal: number | null;
  codusur: number | null;
  cgccli: string | null;
  openedAt: Date | null;
  codcli: number | null;
  numped: number | null;
  acknowledgedAt: Date | null;
  statusSent: string | null;
  message: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const STORE_ORDER_COLUMNS = `WTC_STORE_ORDER.ID, WTC_STORE_ORDER.STORE_KEY, WTC_STORE_ORDER.STORE_ORDER_ID, WTC_STORE_ORDER.BRANCH,
  WTC_STORE_ORDER.STATE, WTC_STORE_ORDER.STORE_STATUS, WTC_STORE_ORDER.PAYLOAD, WTC_STORE_ORDER.STORE_TOTAL,
  WTC_STORE_ORDER.CODUSUR, WTC_STORE_ORDER.CGCCLI, WTC_STORE_ORDER.DTABERTURAPEDPALM, WTC_STORE_ORDER.CODCLI,
  WTC_STORE_ORDER.NUMPED, WTC_STORE_ORDER.ACKNOWLEDGED_AT, WTC_STORE_ORDER.STATUS_SENT, WTC_STORE_ORDER.MESSAGE,
  WTC_STORE_ORDER.CREATED_AT, WTC_STORE_ORDER.UPDATED_AT`;

export const toStoreOrderRecord = (row: Record<string, unknown>): StoreOrderRecord => ({
  id: toNumber(row.ID),
  storeKey: toText(row.STORE_KEY),
  storeOrderId: toText(row.STORE_ORDER_ID),
  branch: toText(row.BRANCH),
  state: toText(row.STATE) as StoreOrderState,
  storeStatus: toOptionalText(row.STORE_STATUS),
  payload: row.PAYLOAD === null || row.PAYLOAD === undefined ? null : String(row.PAYLOAD),
  storeTotal: toOptionalNumber(row.STORE_TOTAL),
  codusur: toOptionalNumber(row.CODUSUR),
  cgccli: toOptionalText(row.CGCCLI),
  openedAt: toOptionalDate(row.DTABERTURAPEDPALM),
  codcli: toOptionalNumber(row.CODCLI),
  numped: toOptionalNumber(row.NUMPED),
  acknowledgedAt: toOptionalDate(row.ACKNOWLEDGED_AT),
  statusSent: toOptionalText(row.STATUS_SENT),
  message: toOptionalText(row.MESSAGE),
  createdAt: toOptionalDate(row.CREATED_AT) ?? new Date(0),
  updatedAt: toOptionalDate(row.UPDATED_AT) ?? new Date(0),
});

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

export interface PulledOrder {
  storeKey: string;
  storeOrderId: string;
  branch: string;
  storeStatus: string;
  payload: string;
  storeTotal: number | null;
}

/**
 * Records a pulled order under its unique key (store, order id) BEFORE anything else is done with it. The
 * key, not the pull cursor, is what keeps an order from being imported twice: a second pull, a second run at
 * the same time or a restarted process finds the existing record (`created: false`).
 */
export const recordStoreOrder = async (
  db: DbSession,
  order: PulledOrder,
  at: Date,
  /** The id floor of this installation when the caller already read it (ADR 0217); else read here. */
  idFloor?: number,
): Promise<{ record: StoreOrderRecord; created: boolean }> => {
  const existing = (await getStoreOrders(db, order.storeKey, [order.storeOrderId])).get(order.storeOrderId);
  if (existing) return { record: existing, created: false };
  try {
    const floor = idFloor ?? (await storeOrderIdFloor(db, at));
    const id = await insertWithId(
      db,
      'WTC_STORE_ORDER',
      {
        STORE_KEY: order.storeKey,
        STORE_ORDER_ID: order.storeOrderId,
        BRANCH: order.branch,
        STATE: 'received',
        STORE_STATUS: fit(order.storeStatus, 40),
        PAYLOAD: order.payload,
        STORE_TOTAL: order.storeTotal,
        CREATED_AT: wholeSeconds(at),
        UPDATED_AT: wholeSeconds(at),
      },
      floor,
    );
    return { record: (await getStoreOrder(db, id))!, created: true };
  } catch (error) {
    // Another run recorded it between the read and the insert: the key held; read what it wrote.
    if (!(error instanceof AppError) || error.code !== 'db_unique_violation') throw error;
    const raced = (await getStoreOrders(db, order.storeKey, [order.storeOrderId])).get(order.storeOrderId);
    if (!raced) throw error;
    return { record: raced, created: false };
  }
};

/** A newer pull of an order not staged yet: its status and content as the store has them now. */
export const refreshStoreOrder = async (
  db: DbSession,
  id: number,
  pulled: { storeStatus: string; payload: string; storeTotal: number | null },
  at: Date,
): Promise<number> =>
  (
    await db.execute(
      `UPDATE WTC_STORE_ORDER SET STORE_STATUS = :store_status, PAYLOAD = :payload, STORE_TOTAL = :store_total,
          UPDATED_AT = :updated_at
        WHERE WTC_STORE_ORDER.ID = :id AND WTC_STORE_ORDER.STATE IN ('received', 'waiting')`,
      {
        id,
        store_status: fit(pulled.storeStatus, 40),
        payload: pulled.payload,
        store_total: pulled.storeTotal,
        updated_at: wholeSeconds(at),
      },
    )
  ).rowsAffected;

/**
 * A new store status of an order whatever its state (a cancellation seen after staging): the store must be
 * told again that the order was processed, so ACKNOWLEDGED_AT is cleared.
 */
export const setStoreStatus = async (
  db: DbSession,
  id: number,
  storeStatus: string,
  at: Date,
): Promise<void> => {
  await db.execute(
    `UPDATE WTC_STORE_ORDER SET STORE_STATUS = :store_status, ACKNOWLEDGED_AT = NULL, UPDATED_AT = :updated_at
      WHERE WTC_STORE_ORDER.ID = :id`,
    { id, store_status: fit(storeStatus, 40), updated_at: wholeSeconds(at) },
  );
};

const statesList = (states: readonly StoreOrderState[]) => inList('st', states);

/**
 * Moves an order from one of `from` to `to`, with the given fields. Returns the rows changed: 0 means another
 * run moved it first (the guard on STATE is what makes two concurrent runs safe).
 */
export const moveStoreOrder = async (
  db: DbSession,
  id: number,
  from: readonly StoreOrderState[],
  to: StoreOrderState,
  at: Date,
  fields: { message?: string | null; numped?: number | null; codcli?: number | null } = {},
): Promise<number> => {
  const sets = ['STATE = :to_state', 'UPDATED_AT = :updated_at'];
  const binds: Record<string, BindValue> = { id, to_state: to, updated_at: wholeSeconds(at) };
  if (fields.message !== undefined) {
    sets.push('MESSAGE = :message');
    binds.message = fit(fields.message, 4000);
  }
  if (fields.numped !== undefined) {
    sets.push('NUMPED = :numped');
    binds.numped = fields.numped;
  }
  if (fields.codcli !== undefined) {
    sets.push('CODCLI = :codcli');
    binds.codcli = fields.codcli;
  }
  const states = statesList(from);
  return (
    await db.execute(
      `UPDATE WTC_STORE_ORDER SET ${sets.join(', ')}
        WHERE WTC_STORE_ORDER.ID = :id AND WTC_STORE_ORDER.STATE IN (${states.sql})`,
      { ...binds, ...states.binds },
    )
  ).rowsAffected;
};

/**
 * Marks the order staged with its PCPEDCFV key — to be called in the SAME transaction as the staging insert.
 * 0 rows = it was staged already (by another run) or is no longer stageable: the caller must roll back.
 */
export const markStoreOrderStaged = async (
  tx: DbSession,
  id: number,
  staging: { codusur: number; cgccli: string; openedAt: Date; codcli: number; message: string | null },
  at: Date,
): Promise<number> => {
  const states = statesList(STAGEABLE_STATES);
  return (
    await tx.execute(
      `UPDATE WTC_STORE_ORDER SET STATE = 'staged', CODUSUR = :codusur, CGCCLI = :cgccli,
          DTABERTURAPEDPALM = :dtabertura, CODCLI = :codcli, NUMPED = NULL, MESSAGE = :message, UPDATED_AT = :updated_at
        WHERE WTC_STORE_ORDER.ID = :id AND WTC_STORE_ORDER.STATE IN (${states.sql})`,
      {
        id,
        codusur: staging.codusur,
        cgccli: staging.cgccli,
        dtabertura: wholeSeconds(staging.openedAt),
        codcli: staging.codcli,
        message: fit(staging.message, 4000),
        updated_at: wholeSeconds(at),
        ...states.binds,
      },
    )
  ).rowsAffected;
};

/** Orders of a branch in some states, oldest first, a page at a time (keyset on ID). */
export const listStoreOrders = async (
  db: DbSession,
  filter: { branch: string; states: readonly StoreOrderState[]; afterId?: number; limit?: number },
): Promise<StoreOrderRecord[]> => {
  const states = statesList(filter.states);
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
