import type { ColumnDef, TableDef } from './integration-objects';

const id: ColumnDef = { name: 'ID', type: { kind: 'id' }, notNull: true };
const text = (name: string, size: number, notNull = false): ColumnDef => ({
  name,
  type: { kind: 'text', size },
  notNull,
});
const int = (name: string, notNull = false): ColumnDef => ({ name, type: { kind: 'int' }, notNull });
const date = (name: string, notNull = false): ColumnDef => ({ name, type: { kind: 'date' }, notNull });

/**
 * Version 7: monitoring (ADR 0026). WTC_PENDING gains the parameters of its message code (ADR 0025), who
 * ignored it, why and when, and when it was resolved; WTC_PENDING_EVENT keeps each pendência's history
 * (failed attempts, retries asked for, ignored, resolved). Indexes serve the Logs and Pendências filters.
 */
export const PENDING_MONITORING_COLUMNS: ColumnDef[] = [
  /** JSON of the message's parameters (codprod, barcode, branch…): the UI renders the kind in its language. */
  text('PARAMS', 1000),
  text('IGNORE_REASON', 400),
  text('IGNORED_BY', 60),
  date('IGNORED_AT'),
  date('RESOLVED_AT'),
];

/**
 * Pendência kinds are words people read (`sem_mapa_cobranca`, `cancelar_no_winthor`):
 * version 1's 20 characters cut them, version 7 makes room for 60.
 */
export const PENDING_KIND_COLUMN: ColumnDef = text('ERROR_KIND', 60, true);

export interface IndexOnTable {
  table: string;
  index: { name: string; columns: string[] };
}

export const MONITORING_INDEXES: IndexOnTable[] = [
  // Pendências of a state newest first; counted by kind from the index alone (no table row read).
  { table: 'WTC_PENDING', index: { name: 'WTC_PENDING_STATUS_IX', columns: ['STATUS', 'ID'] } },
  {
    table: 'WTC_PENDING',
    index: { name: 'WTC_PENDING_KIND_IX', columns: ['STATUS', 'BRANCH', 'ENTITY', 'ERROR_KIND'] },
  },
  // Logs newest first (by time, then id) overall, within a branch, within a level; the lines of a run.
  // (Version 1's WTC_LOG_AT_IX has LOGGED_AT alone: Oracle would sort every tie of a page by ID.)
  { table: 'WTC_LOG', index: { name: 'WTC_LOG_TIME_IX', columns: ['LOGGED_AT', 'ID'] } },
  { table: 'WTC_LOG', index: { name: 'WTC_LOG_BRANCH_IX', columns: ['BRANCH', 'LOGGED_AT', 'ID'] } },
  { table: 'WTC_LOG', index: { name: 'WTC_LOG_LEVEL_IX', columns: ['LOG_LEVEL', 'LOGGED_AT', 'ID'] } },
  { table: 'WTC_LOG', index: { name: 'WTC_LOG_RUN_IX', columns: ['RUN_ID'] } },
  // Logs of one job (filter "Tarefa" alone): without it a rare job walks the whole time index.
  { table: 'WTC_LOG', index: { name: 'WTC_LOG_ENTITY_IX', columns: ['ENTITY', 'LOGGED_AT', 'ID'] } },
  // Runs by time (Painel activity over 24 h and 7 days, retention).
  { table: 'WTC_RUN', index: { name: 'WTC_RUN_AT_IX', columns: ['STARTED_AT'] } },
];

export const MONITORING_TABLES: TableDef[] = [
  {
    name: 'WTC_PENDING_EVENT',
    columns: [
      id,
      int('PENDING_ID', true),
      date('EVENT_AT', true),
      /** failed | retry | ignored | reopened | resolved | import_anyway (ADR 0219) */
      text('ACTION', 20, true),
      text('ERROR_KIND', 60),
      text('MESSAGE', 4000),
      /** Who asked (retry, ignore): the UI's origin (desktop, browser, command line); null for the engine. */
      text('ACTOR', 60),
    ],
    indexes: [
      { name: 'WTC_PENDING_EVENT_IX', columns: ['PENDING_ID', 'ID'] },
      // Retention deletes by age in batches: without it each batch scans the whole history.
      { name: 'WTC_PENDING_EVENT_AT_IX', columns: ['EVENT_AT'] },
    ],
  },
];
