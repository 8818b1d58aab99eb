import { date, id, int, text, type TableDef } from './table-def';

/**
 * Version 5: the engine's own tables (ADR 0107). WTC_BINDING and WTC_JOB_RUN of version 1 were never
 * written by any release: bindings are per store (not per branch) and a run records more than two counts,
 * so they are replaced by WTC_STORE_BINDING and WTC_RUN.
 */
export const ENGINE_TABLES: TableDef[] = [
  {
    name: 'WTC_STORE_BINDING',
    columns: [
      id,
      /** SHA-256 (hex) of the store's normalised API root: the same store for every branch selling in it. */
      text('STORE_KEY', 64, true),
      text('ENTITY', 20, true),
      text('ERP_KEY', 60, true),
      text('STORE_ID', 100),
      text('PAYLOAD_HASH', 64),
      /** 1 when the reconcile hid the item in the store (it left the e-commerce in WinThor). */
      int('HIDDEN', true),
      date('SENT_AT'),
      date('UPDATED_AT', true),
    ],
    unique: [{ name: 'WTC_STORE_BINDING_UK', columns: ['STORE_KEY', 'ENTITY', 'ERP_KEY'] }],
  },
  {
    name: 'WTC_RUN',
    columns: [
      id,
      text('JOB', 20, true),
      text('BRANCH', 2, true),
      /** schedule | manual | cli | catch-up */
      text('TRIGGER_KIND', 10, true),
      date('STARTED_AT', true),
      date('FINISHED_AT'),
      /** running | ok | partial | failed | cancelled | interrupted */
      text('STATUS', 12, true),
      /** The run's counts as JSON (read, changed, sent, unchanged, deferred, failed, storeCalls…). */
      text('COUNTS', 1000),
      text('MESSAGE', 4000),
    ],
    indexes: [{ name: 'WTC_RUN_JOB_IX', columns: ['BRANCH', 'JOB', 'STARTED_AT'] }],
  },
];

/** The tables of version 1 that version 5 replaces (never written; dropped by version 5). */
export const REPLACED_BY_ENGINE_TABLES = ['WTC_BINDING', 'WTC_JOB_RUN'] as const;

/** Version 5: the queue as each branch reads it (ENTITY, BRANCH, then ID order). */
export const QUEUE_BRANCH_INDEX = { name: 'WTC_CHANGE_QUEUE_BR_IX', columns: ['ENTITY', 'BRANCH', 'ID'] };
/**
 * Version 6: the order import (ADR 0114). WTC_ORDER_IMPORT of version 1 was never written by any release and
 * was keyed by branch; an order belongs to a store (two branches selling in one store must not import it
 * twice), so it is replaced by WTC_STORE_ORDER, keyed by (store, order id). WTC_STORE_CODE keeps the codes the
 * store's orders carry (payment methods, installments, shipping methods) for the mapping screens.
 */
export const ORDER_TABLES: TableDef[] = [
  {
    name: 'WTC_STORE_ORDER',
    columns: [
      /** Also the order's PCPEDCFV.NUMPEDRCA: unique among everything the integration stages. */
      id,
      /** SHA-256 of the store's normalised API root (as WTC_STORE_BINDING). */
      text('STORE_KEY', 64, true),
      text('STORE_ORDER_ID', 60, true),
      text('BRANCH', 2, true),
      /** received | waiting | staged | imported | rejected | cancelled */
      text('STATE', 12, true),
      /** The store's status when last pulled (PaymentApproved, Cancelled…). */
      text('STORE_STATUS', 40),
      /** The order as pulled (JSON): retries need no store call. */
      { name: 'PAYLOAD', type: { kind: 'clob' } },
      { name: 'STORE_TOTAL', type: { kind: 'decimal' } },
      int('CODUSUR'),
      text('CGCCLI', 18),
      date('DTABERTURAPEDPALM'),
      int('CODCLI'),
      int('NUMPED'),
      /** When the store was told the order is processed (orders/statusProcessed). */
      date('ACKNOWLEDGED_AT'),
      /** What was last sent to the store as status (position, invoice), so each change is sent once. */
      text('STATUS_SENT', 120),
      text('MESSAGE', 4000),
      date('CREATED_AT', true),
      date('UPDATED_AT', true),
    ],
    unique: [{ name: 'WTC_STORE_ORDER_UK', columns: ['STORE_KEY', 'STORE_ORDER_ID'] }],
    indexes: [
      { name: 'WTC_STORE_ORDER_ST_IX', columns: ['BRANCH', 'STATE'] },
      { name: 'WTC_STORE_ORDER_NP_IX', columns: ['NUMPED'] },
    ],
  },
  {
    name: 'WTC_STORE_CODE',
    columns: [
      text('BRANCH', 2, true),
      /** billing (payment method) | plans (installments, method:installments) | carriers (shipping method) */
      text('KIND', 10, true),
      text('STORE_CODE', 100, true),
      /** What the store calls it (the shipping method's name…), for the mapping screens. */
      text('LABEL', 200),
      int('SEEN_COUNT', true),
      date('FIRST_SEEN_AT', true),
      date('LAST_SEEN_AT', true),
    ],
    primaryKey: ['BRANCH', 'KIND', 'STORE_CODE'],
  },
];

/** The table of version 1 that version 6 replaces (never written; dropped by version 6). */
export const REPLACED_BY_ORDER_TABLES = ['WTC_ORDER_IMPORT'] as const;
