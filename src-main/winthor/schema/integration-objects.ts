/**
 * The integration's own objects in the WinThor schema (winthor.md, "The integration's own objects"). One
 * prefix, WTC_, never PC (docs/adr/0101-integration-prefix.md). Described once, rendered per dialect.
 */
export const PREFIX = 'WTC_';

export type ColumnType =
  | { kind: 'id' }
  | { kind: 'int' }
  | { kind: 'decimal' }
  | { kind: 'text'; size: number }
  | { kind: 'date' }
  | { kind: 'clob' };

export interface ColumnDef {
  name: string;
  type: ColumnType;
  notNull?: boolean;
}

export interface TableDef {
  name: string;
  columns: ColumnDef[];
  /** Omitted when the table has an 'id' column (then ID is the key). */
  primaryKey?: string[];
  unique?: Array<{ name: string; columns: string[] }>;
  indexes?: Array<{ name: string; columns: string[] }>;
}

const id: ColumnDef = { name: 'ID', type: { kind: 'id' }, notNull: true };
const text = (name: string, size: number, notNull = false): ColumnDef => ({
  name,
  type: { kind: 'text', size },
  notNull,
});
const int = (name: string, notNull = false): ColumnDef => ({ name, type: { kind: 'int' }, notNull });
const date = (name: string, notNull = false): ColumnDef => ({ name, type: { kind: 'date' }, notNull });

export const SCHEMA_VERSION_TABLE: TableDef = {
  name: 'WTC_SCHEMA_VERSION',
  columns: [int('VERSION', true), date('APPLIED_AT', true), text('DESCRIPTION', 200)],
  primaryKey: ['VERSION'],
};

/** Version 1: the tables of the integration (architecture.md, "Where data lives"). */
export const INTEGRATION_TABLES: TableDef[] = [
  {
    name: 'WTC_CHANGE_QUEUE',
    columns: [
      id,
      text('ENTITY', 20, true),
      text('BRANCH', 2),
      text('ERP_KEY', 60, true),
      text('OPERATION', 1, true),
      date('CREATED_AT', true),
    ],
    indexes: [{ name: 'WTC_CHANGE_QUEUE_ENT_IX', columns: ['ENTITY', 'ID'] }],
  },
  {
    name: 'WTC_BINDING',
    columns: [
      id,
      text('ENTITY', 20, true),
      text('BRANCH', 2, true),
      text('ERP_KEY', 60, true),
      text('STORE_ID', 100),
      text('PAYLOAD_HASH', 64),
      date('SENT_AT'),
      date('UPDATED_AT', true),
    ],
    unique: [{ name: 'WTC_BINDING_UK', columns: ['ENTITY', 'BRANCH', 'ERP_KEY'] }],
    indexes: [{ name: 'WTC_BINDING_STORE_IX', columns: ['ENTITY', 'BRANCH', 'STORE_ID'] }],
  },
  {
    name: 'WTC_ORDER_IMPORT',
    columns: [
      id,
      text('BRANCH', 2, true),
      text('STORE_ORDER_ID', 60, true),
      text('STATUS', 20, true),
      int('NUMPEDRCA'),
      int('CODUSUR'),
      text('CGCCLI', 18),
      date('DTABERTURAPEDPALM'),
      int('CODCLI'),
      int('NUMPED'),
      text('MESSAGE', 4000),
      date('ACKNOWLEDGED_AT'),
      date('CREATED_AT', true),
      date('UPDATED_AT', true),
    ],
    unique: [{ name: 'WTC_ORDER_IMPORT_UK', columns: ['BRANCH', 'STORE_ORDER_ID'] }],
    indexes: [{ name: 'WTC_ORDER_IMPORT_ST_IX', columns: ['STATUS', 'UPDATED_AT'] }],
  },
  {
    name: 'WTC_PENDING',
    columns: [
      id,
      text('ENTITY', 20, true),
      text('ERP_KEY', 60, true),
      text('BRANCH', 2),
      text('ERROR_KIND', 20, true),
      text('MESSAGE', 4000, true),
      text('FIX', 4000),
      int('ATTEMPTS', true),
      date('NEXT_ATTEMPT_AT'),
      text('STATUS', 20, true),
      date('CREATED_AT', true),
      date('UPDATED_AT', true),
    ],
    indexes: [
      { name: 'WTC_PENDING_KEY_IX', columns: ['ENTITY', 'BRANCH', 'ERP_KEY'] },
      { name: 'WTC_PENDING_NEXT_IX', columns: ['STATUS', 'NEXT_ATTEMPT_AT'] },
    ],
  },
  {
    name: 'WTC_LOG',
    columns: [
      id,
      date('LOGGED_AT', true),
      text('LOG_LEVEL', 10, true),
      text('BRANCH', 2),
      text('ENTITY', 20),
      int('RUN_ID'),
      text('MESSAGE', 4000, true),
      { name: 'DETAILS', type: { kind: 'clob' } },
    ],
    indexes: [{ name: 'WTC_LOG_AT_IX', columns: ['LOGGED_AT'] }],
  },
  {
    name: 'WTC_JOB_RUN',
    columns: [
      id,
      text('JOB', 40, true),
      text('BRANCH', 2),
      date('STARTED_AT', true),
      date('FINISHED_AT'),
      text('STATUS', 20, true),
      int('ITEMS_OK'),
      int('ITEMS_FAILED'),
      text('MESSAGE', 4000),
    ],
    indexes: [{ name: 'WTC_JOB_RUN_JOB_IX', columns: ['JOB', 'STARTED_AT'] }],
  },
  {
    name: 'WTC_CURSOR',
    columns: [
      text('NAME', 100, true),
      text('BRANCH', 2, true),
      text('CURSOR_VALUE', 4000),
      date('UPDATED_AT', true),
    ],
    primaryKey: ['NAME', 'BRANCH'],
  },
];

/**
 * Values of WTC_CHANGE_QUEUE_SEQ each instance keeps in memory (version 4). Every PCEST change takes one: with
 * CACHE 100 a busy WinThor went to the dictionary every 100 changes (an update of SEQ$ and its latch).
 */
export const QUEUE_SEQUENCE_CACHE = 1000;

/** A queue trigger: which WinThor table, which columns matter, what (entity, branch, key) it appends. */
export interface QueueTriggerDef {
  name: string;
  table: string;
  entity: string;
  /** Column holding the branch, or null (product/price/category changes are not per branch). */
  branchColumn: string | null;
  /** Key = prefix + key columns joined by '.'. */
  keyPrefix: string;
  keyColumns: string[];
  /** An UPDATE fires only when one of these changes. INSERT and DELETE always fire. */
  columns: string[];
}

/** Version 2: the triggers that only append (entity, branch, key) to WTC_CHANGE_QUEUE. */
export const QUEUE_TRIGGERS: QueueTriggerDef[] = [
  {
    name: 'WTC_TRG_PCPRODUT',
    table: 'PCPRODUT',
    entity: 'product',
    branchColumn: null,
    keyPrefix: '',
    keyColumns: ['CODPROD'],
    columns: [
      'DESCRICAO',
      'CODAUXILIAR',
      'EMBALAGEM',
      'UNIDADE',
      'CODEPTO',
      'CODSEC',
      'CODCATEGORIA',
      'CODMARCA',
      'PESOBRUTO',
      'PESOLIQ',
      'ALTURAM3',
      'LARGURAM3',
      'COMPRIMENTOM3',
      'MULTIPLO',
      'DTEXCLUSAO',
      'ENVIAECOMMERCE',
      'NOMEECOMMERCE',
      'TITULOECOMMERCE',
      'EXIBESEMESTOQUEECOMMERCE',
    ],
  },
  {
    name: 'WTC_TRG_PCEST',
    table: 'PCEST',
    entity: 'stock',
    branchColumn: 'CODFILIAL',
    keyPrefix: '',
    keyColumns: ['CODPROD'],
    columns: ['QTESTGER', 'QTRESERV', 'QTBLOQUEADA', 'QTPENDENTE'],
  },
  {
    name: 'WTC_TRG_PCTABPR',
    table: 'PCTABPR',
    entity: 'price',
    branchColumn: null,
    keyPrefix: '',
    keyColumns: ['CODPROD'],
    columns: ['PVENDA1', 'PVENDA2', 'PVENDA3', 'PVENDA4', 'PVENDA5', 'PVENDA6', 'PVENDA7', 'EXCLUIDO'],
  },
  {
    name: 'WTC_TRG_PCPEDC',
    table: 'PCPEDC',
    entity: 'orderStatus',
    branchColumn: 'CODFILIAL',
    keyPrefix: '',
    keyColumns: ['NUMPED'],
    columns: ['POSICAO', 'NUMNOTA', 'CHAVENFE', 'DTFAT', 'NUMTRANSVENDA'],
  },
  {
    name: 'WTC_TRG_PCDEPTO',
    table: 'PCDEPTO',
    entity: 'category',
    branchColumn: null,
    keyPrefix: 'D:',
    keyColumns: ['CODEPTO'],
    columns: ['DESCRICAO', 'ENVIAECOMMERCE'],
  },
  {
    name: 'WTC_TRG_PCSECAO',
    table: 'PCSECAO',
    entity: 'category',
    branchColumn: null,
    keyPrefix: 'S:',
    keyColumns: ['CODSEC'],
    columns: ['DESCRICAO', 'CODEPTO', 'ENVIAECOMMERCE'],
  },
  {
    name: 'WTC_TRG_PCCATEGORIA',
    table: 'PCCATEGORIA',
    entity: 'category',
    branchColumn: null,
    keyPrefix: 'C:',
    keyColumns: ['CODSEC', 'CODCATEGORIA'],
    columns: ['CATEGORIA', 'ENVIAECOMMERCE'],
  },
];

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
