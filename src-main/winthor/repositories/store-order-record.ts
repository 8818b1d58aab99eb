import { inList, toNumber, toOptionalDate, toOptionalNumber, toOptionalText, toText } from './sql-helpers';

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

/** `STATE IN (...)` for these states: the list's SQL and its binds. */
export const statesInList = (states: readonly StoreOrderState[]) => inList('st', states);
