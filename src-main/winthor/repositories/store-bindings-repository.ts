import type { Db, DbSession } from '../db/db';
import { chunk, inList, toNumber, toOptionalDate, toOptionalText, toText } from './sql-helpers';

/**
 * What the store has of one WinThor item (ADR 0107): its id in the store and the hash of the last payload
 * sent. Per store, not per branch: branches selling in one store share its catalogue.
 */
export interface StoreBinding {
  storeKey: string;
  entity: string;
  erpKey: string;
  storeId: string | null;
  payloadHash: string | null;
  hidden: boolean;
  sentAt: Date | null;
}

/** A binding as the comparisons need it: without when it was sent (one date less to read per row). */
export type BindingState = Omit<StoreBinding, 'sentAt'>;

const COLUMNS = `WTC_STORE_BINDING.STORE_KEY, WTC_STORE_BINDING.ENTITY, WTC_STORE_BINDING.ERP_KEY,
  WTC_STORE_BINDING.STORE_ID, WTC_STORE_BINDING.PAYLOAD_HASH, WTC_STORE_BINDING.HIDDEN, WTC_STORE_BINDING.SENT_AT`;

const toBinding = (row: Record<string, unknown>): StoreBinding => ({
  storeKey: toText(row.STORE_KEY),
  entity: toText(row.ENTITY),
  erpKey: toText(row.ERP_KEY),
  storeId: toOptionalText(row.STORE_ID),
  payloadHash: toOptionalText(row.PAYLOAD_HASH),
  hidden: toNumber(row.HIDDEN) === 1,
  sentAt: toOptionalDate(row.SENT_AT),
});

/**
 * What getBindings reads: the store and entity are the ones asked for (a 64-character key less per row), and
 * the comparisons do not need SENT_AT.
 */
const STATE_COLUMNS = `WTC_STORE_BINDING.ERP_KEY, WTC_STORE_BINDING.STORE_ID, WTC_STORE_BINDING.PAYLOAD_HASH,
  WTC_STORE_BINDING.HIDDEN`;

/** The bindings of these keys (missing keys are simply absent from the map). */
export const getBindings = async (
  db: DbSession,
  storeKey: string,
  entity: string,
  erpKeys: readonly string[],
): Promise<Map<string, BindingState>> => {
  const out = new Map<string, BindingState>();
  for (const part of chunk([...new Set(erpKeys)])) {
    if (part.length === 0) continue;
    const list = inList('k', part, { store_key: storeKey, entity });
    const rows = await db.query(
      `SELECT ${STATE_COLUMNS} FROM WTC_STORE_BINDING
        WHERE WTC_STORE_BINDING.STORE_KEY = :store_key AND WTC_STORE_BINDING.ENTITY = :entity
          AND WTC_STORE_BINDING.ERP_KEY IN (${list.sql})`,
      list.binds,
    );
    for (const row of rows) {
      const erpKey = toText(row.ERP_KEY);
      out.set(erpKey, {
        storeKey,
        entity,
        erpKey,
        storeId: toOptionalText(row.STORE_ID),
        payloadHash: toOptionalText(row.PAYLOAD_HASH),
        hidden: toNumber(row.HIDDEN) === 1,
      });
    }
  }
  return out;
};

/** Records what was sent (insert or update on the store + entity + key). */
export const saveBinding = async (
  db: DbSession,
  binding: Omit<StoreBinding, 'sentAt'> & { sentAt: Date },
): Promise<void> => {
  await db.execute(
    db.dialect.upsert(
      'WTC_STORE_BINDING',
      ['STORE_KEY', 'ENTITY', 'ERP_KEY'],
      ['STORE_ID', 'PAYLOAD_HASH', 'HIDDEN', 'SENT_AT', 'UPDATED_AT'],
      { withId: true },
    ),
    {
      store_key: binding.storeKey,
      entity: binding.entity,
      erp_key: binding.erpKey,
      store_id: binding.storeId,
      payload_hash: binding.payloadHash,
      hidden: binding.hidden ? 1 : 0,
      sent_at: binding.sentAt,
      updated_at: binding.sentAt,
    },
  );
};

/** Every binding of an entity in a store, in key order, streamed (reconcile). */
export async function* streamBindings(
  db: DbSession,
  storeKey: string,
  entity: string,
): AsyncGenerator<StoreBinding> {
  for await (const row of db.stream(
    `SELECT ${COLUMNS} FROM WTC_STORE_BINDING
      WHERE WTC_STORE_BINDING.STORE_KEY = :store_key AND WTC_STORE_BINDING.ENTITY = :entity
      ORDER BY WTC_STORE_BINDING.ERP_KEY`,
    { store_key: storeKey, entity },
  )) {
    yield toBinding(row);
  }
}

export const countBindings = async (db: DbSession, storeKey: string, entity: string): Promise<number> => {
  const row = await db.queryOne(
    `SELECT COUNT(*) AS N FROM WTC_STORE_BINDING
      WHERE WTC_STORE_BINDING.STORE_KEY = :store_key AND WTC_STORE_BINDING.ENTITY = :entity`,
    { store_key: storeKey, entity },
  );
  return toNumber(row?.N);
};

/** A text key as a number, so that the lookup on PCPRODUT.CODPROD uses its primary key. */
const asNumber = (db: DbSession, expression: string): string =>
  db.dialect.name === 'oracle' ? `TO_NUMBER(${expression})` : `CAST(${expression} AS INTEGER)`;

/**
 * Products the store shows (bound, not hidden) that WinThor no longer publishes: ENVIAECOMMERCE is not 'S',
 * DTEXCLUSAO is filled, or the row is gone. Only the reconcile asks this (only it may conclude that
 * something left the e-commerce). NULL-safe: NVL turns a NULL ENVIAECOMMERCE into "not published".
 */
export const findBoundProductsNotPublished = async (
  db: DbSession,
  storeKey: string,
  limit = 500,
): Promise<StoreBinding[]> => {
  const rows = await db.query(
    db.dialect.limit(
      `SELECT ${COLUMNS} FROM WTC_STORE_BINDING
        WHERE WTC_STORE_BINDING.STORE_KEY = :store_key AND WTC_STORE_BINDING.ENTITY = 'product'
          AND WTC_STORE_BINDING.HIDDEN = 0
          AND NOT EXISTS (
            SELECT 1 FROM PCPRODUT
             WHERE PCPRODUT.CODPROD = ${asNumber(db, 'WTC_STORE_BINDING.ERP_KEY')}
               AND COALESCE(PCPRODUT.ENVIAECOMMERCE, 'N') = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL)
        ORDER BY WTC_STORE_BINDING.ERP_KEY`,
    ),
    { store_key: storeKey, row_limit: limit },
  );
  return rows.map(toBinding);
};

/**
 * The same store at a new address (the demo's sandbox moved to another port, ADR 0207): its bindings move
 * to the new store key, so nothing is sent again. A binding the new key already has is newer and stays;
 * the old key's row is dropped. Returns how many bindings moved.
 */
export const moveStoreBindings = async (db: Db, fromKey: string, toKey: string): Promise<number> => {
  if (fromKey === toKey) return 0;
  return db.transaction(async (tx) => {
    const moved = await tx.execute(
      `UPDATE WTC_STORE_BINDING SET STORE_KEY = :to_key
        WHERE WTC_STORE_BINDING.STORE_KEY = :from_key
          AND NOT EXISTS (SELECT 1 FROM WTC_STORE_BINDING NEWER
                           WHERE NEWER.STORE_KEY = :to_key AND NEWER.ENTITY = WTC_STORE_BINDING.ENTITY
                             AND NEWER.ERP_KEY = WTC_STORE_BINDING.ERP_KEY)`,
      { from_key: fromKey, to_key: toKey },
    );
    await tx.execute(`DELETE FROM WTC_STORE_BINDING WHERE WTC_STORE_BINDING.STORE_KEY = :from_key`, {
      from_key: fromKey,
    });
    return moved.rowsAffected;
  });
};
