import { AppError } from '../../shared/app-error';
import type { BindValue, DbSession } from '../db/db';
import { insertWithId } from './insert-with-id';
import { fit, wholeSeconds } from './sql-helpers';
import { storeOrderIdFloor } from './store-order-id-floor';
import {
  STAGEABLE_STATES,
  statesInList,
  type StoreOrderRecord,
  type StoreOrderState,
} from './store-order-record';
import { getStoreOrder, getStoreOrders } from './store-order-reads';

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
  const states = statesInList(from);
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
  const states = statesInList(STAGEABLE_STATES);
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
