import type { DbSession } from '../db/db';
import { fit, toNumber, toOptionalDate, toOptionalText, toText, wholeSeconds } from './sql-helpers';

/** The mapping kinds whose store codes the orders carry (the three mapping screens). */
export type StoreCodeKind = 'billing' | 'plans' | 'carriers';

/** A code seen on the store's orders (WTC_STORE_CODE): what the mapping screens offer and warn about. */
export interface SeenStoreCode {
  branch: string;
  kind: StoreCodeKind;
  /** As the orders carry it (trimmed): payment method, installments ("3" and "CreditCard:3"), shipping id. */
  storeCode: string;
  /** What the store calls it (the shipping method's name), when it says. */
  label: string | null;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** One sighting of a code on one pulled order. */
export interface StoreCodeSighting {
  kind: StoreCodeKind;
  storeCode: string;
  label?: string | null;
}

/**
 * Counts the codes of a batch of pulled orders: one row per (branch, kind, code), its count raised by the
 * sightings and its last-seen time moved. Codes are kept as the store sends them (trimmed); comparing
 * them with the mappings ignores case (engine/orders/code-mappings.ts).
 */
export const recordStoreCodes = async (
  db: DbSession,
  branch: string,
  sightings: readonly StoreCodeSighting[],
  at: Date,
): Promise<void> => {
  const merged = new Map<string, StoreCodeSighting & { count: number }>();
  for (const sighting of sightings) {
    const storeCode = sighting.storeCode.trim();
    if (!storeCode) continue;
    const key = `${sighting.kind}|${storeCode}`;
    const entry = merged.get(key);
    if (entry) {
      entry.count += 1;
      if (sighting.label) entry.label = sighting.label;
    } else merged.set(key, { ...sighting, storeCode, count: 1 });
  }
  const when = wholeSeconds(at);
  for (const entry of merged.values()) {
    const key = { branch, kind: entry.kind, store_code: fit(entry.storeCode, 100) };
    const updated = await db.execute(
      `UPDATE WTC_STORE_CODE SET SEEN_COUNT = SEEN_COUNT + :seen, LAST_SEEN_AT = :at,
          LABEL = COALESCE(:label, WTC_STORE_CODE.LABEL)
        WHERE WTC_STORE_CODE.BRANCH = :branch AND WTC_STORE_CODE.KIND = :kind AND WTC_STORE_CODE.STORE_CODE = :store_code`,
      { ...key, seen: entry.count, at: when, label: fit(entry.label, 200) },
    );
    if (updated.rowsAffected > 0) continue;
    await db.execute(
      db.dialect.upsert(
        'WTC_STORE_CODE',
        ['BRANCH', 'KIND', 'STORE_CODE'],
        ['LABEL', 'SEEN_COUNT', 'FIRST_SEEN_AT', 'LAST_SEEN_AT'],
      ),
      {
        ...key,
        label: fit(entry.label, 200),
        seen_count: entry.count,
        first_seen_at: when,
        last_seen_at: when,
      },
    );
  }
};

/**
 * The codes seen on a branch's orders, most recent first (optionally of one kind). What `mappings.storeCodes`
 * lists, with `unmappedCodes` (engine/orders/code-mappings.ts) telling which have no mapping yet.
 */
export const listStoreCodes = async (
  db: DbSession,
  filter: { branch: string; kind?: StoreCodeKind },
): Promise<SeenStoreCode[]> => {
  const rows = await db.query(
    `SELECT WTC_STORE_CODE.BRANCH, WTC_STORE_CODE.KIND, WTC_STORE_CODE.STORE_CODE, WTC_STORE_CODE.LABEL,
            WTC_STORE_CODE.SEEN_COUNT, WTC_STORE_CODE.FIRST_SEEN_AT, WTC_STORE_CODE.LAST_SEEN_AT
       FROM WTC_STORE_CODE
      WHERE WTC_STORE_CODE.BRANCH = :branch${filter.kind ? ' AND WTC_STORE_CODE.KIND = :kind' : ''}
      ORDER BY WTC_STORE_CODE.LAST_SEEN_AT DESC, WTC_STORE_CODE.STORE_CODE`,
    { branch: filter.branch, ...(filter.kind ? { kind: filter.kind } : {}) },
  );
  return rows.map((row) => ({
    branch: toText(row.BRANCH),
    kind: toText(row.KIND) as StoreCodeKind,
    storeCode: toText(row.STORE_CODE),
    label: toOptionalText(row.LABEL),
    count: toNumber(row.SEEN_COUNT),
    firstSeenAt: toOptionalDate(row.FIRST_SEEN_AT) ?? new Date(0),
    lastSeenAt: toOptionalDate(row.LAST_SEEN_AT) ?? new Date(0),
  }));
};
