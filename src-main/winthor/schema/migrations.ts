import {
  ENGINE_TABLES,
  INTEGRATION_TABLES,
  QUEUE_BRANCH_INDEX,
  ORDER_TABLES,
  REPLACED_BY_ENGINE_TABLES,
  REPLACED_BY_ORDER_TABLES,
  QUEUE_SEQUENCE_CACHE,
  QUEUE_TRIGGERS,
  SCHEMA_VERSION_TABLE,
  type QueueTriggerDef,
  type TableDef,
} from './integration-objects';
import {
  MONITORING_INDEXES,
  MONITORING_TABLES,
  PENDING_KIND_COLUMN,
  PENDING_MONITORING_COLUMNS,
} from './monitoring-objects';
import { LEASE_TABLES } from './lease-objects';
import type { SchemaDdl } from './schema-ddl';

/** One step of the integration schema. Never edit a released step: add the next one. */
export interface Migration {
  version: number;
  description: string;
  /** The tables this step creates (granted to the connected user when it is not the schema owner). */
  tables?: readonly TableDef[];
  /**
   * The queue triggers this step (re)creates, always at their current definition. An install creates each
   * trigger once, in the first pending step that names it: later pending steps would only re-create the same
   * text, taking the DDL lock on a busy WinThor table again for nothing (ADR 0108).
   */
  triggers?: readonly QueueTriggerDef[];
  /** The step's other statements (the triggers are added by the installer). */
  up(ddl: SchemaDdl): string[];
  down(ddl: SchemaDdl): string[];
}

const queueTable = INTEGRATION_TABLES.find((t) => t.name === 'WTC_CHANGE_QUEUE')!;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description:
      'Tabelas da integração: fila, vínculos, importação de pedidos, pendências, logs, execuções, cursores',
    tables: INTEGRATION_TABLES,
    up: (ddl) => INTEGRATION_TABLES.flatMap((t) => ddl.createTable(t)),
    down: (ddl) => [...INTEGRATION_TABLES].reverse().flatMap((t) => ddl.dropTable(t)),
  },
  {
    version: 2,
    description:
      'Triggers de captura de alterações em PCPRODUT, PCEST, PCTABPR, PCPEDC, PCDEPTO, PCSECAO e PCCATEGORIA',
    triggers: QUEUE_TRIGGERS,
    up: () => [],
    down: (ddl) => QUEUE_TRIGGERS.flatMap((t) => ddl.dropQueueTrigger(t)),
  },
  {
    version: 3,
    description:
      'Triggers de captura recriados com inserção dinâmica na fila: sem WTC_CHANGE_QUEUE, o WinThor continua gravando',
    // Oracle: CREATE OR REPLACE of the version 2 triggers with the dynamic queue insert (ADR 0102), for
    // databases that already have version 2. SQLite: its triggers did not change; CREATE TRIGGER IF NOT
    // EXISTS leaves them as they are.
    triggers: QUEUE_TRIGGERS,
    up: () => [],
    // The same objects as version 2, whose down drops them.
    down: () => [],
  },
  {
    version: 4,
    description:
      'Triggers com comparação nula-segura (só alterações reais entram na fila) e sequence da fila com CACHE 1000',
    // Oracle: CREATE OR REPLACE with the null-safe "really changed" test (ADR 0102); ALTER SEQUENCE of the
    // queue. SQLite: its triggers were already null-safe (IS NOT) and it has no sequences.
    triggers: QUEUE_TRIGGERS,
    up: (ddl) => ddl.setSequenceCache(queueTable, QUEUE_SEQUENCE_CACHE),
    // Version 1's down drops the sequence, version 2's the triggers.
    down: () => [],
  },
  {
    version: 5,
    description:
      'Tabelas do motor: vínculos por loja (WTC_STORE_BINDING) e execuções (WTC_RUN), no lugar de WTC_BINDING e WTC_JOB_RUN',
    // Our own tables only (ADR 0107): no WinThor table is touched, so no DDL lock on a busy table.
    tables: ENGINE_TABLES,
    up: (ddl) => [
      ...REPLACED_BY_ENGINE_TABLES.flatMap((name) => ddl.dropTable(tableNamed(name))),
      ...ENGINE_TABLES.flatMap((t) => ddl.createTable(t)),
      // Each branch reads its own queue rows, oldest first (ADR 0107).
      ...ddl.createIndex('WTC_CHANGE_QUEUE', QUEUE_BRANCH_INDEX),
    ],
    // Removal goes down to version 0 (a downgrade is refused): version 1's down drops the replaced tables
    // if they are still there, so they are not created again just to be dropped (a confusing script).
    down: (ddl) => [
      ...ddl.dropIndex(QUEUE_BRANCH_INDEX.name),
      ...[...ENGINE_TABLES].reverse().flatMap((t) => ddl.dropTable(t)),
    ],
  },
  {
    version: 6,
    description:
      'Importação de pedidos: pedidos da loja por (loja, pedido) em WTC_STORE_ORDER e códigos vistos nos pedidos (WTC_STORE_CODE), no lugar de WTC_ORDER_IMPORT',
    // Our own tables only (ADR 0114): no WinThor table is touched.
    tables: ORDER_TABLES,
    up: (ddl) => [
      ...REPLACED_BY_ORDER_TABLES.flatMap((name) => ddl.dropTable(tableNamed(name))),
      ...ORDER_TABLES.flatMap((t) => ddl.createTable(t)),
    ],
    // As version 5: removal goes to version 0, whose down drops the replaced table if it is still there.
    down: (ddl) => [...ORDER_TABLES].reverse().flatMap((t) => ddl.dropTable(t)),
  },
  {
    version: 7,
    description:
      'Monitoramento: histórico das pendências (WTC_PENDING_EVENT); em WTC_PENDING, parâmetros das mensagens, motivo de ignorar e tipo com até 60 letras; índices de Logs e Pendências',
    // Our own tables only: no WinThor table is touched.
    tables: MONITORING_TABLES,
    up: (ddl) => [
      ...ddl.addColumns('WTC_PENDING', PENDING_MONITORING_COLUMNS),
      ...ddl.widenColumn('WTC_PENDING', PENDING_KIND_COLUMN),
      ...MONITORING_INDEXES.flatMap(({ table, index }) => ddl.createIndex(table, index)),
      ...MONITORING_TABLES.flatMap((t) => ddl.createTable(t)),
    ],
    // The columns and indexes go with their tables (versions 1 and 5 drop them): an uninstall removes
    // everything, and no release goes back one version.
    down: (ddl) => [
      ...[...MONITORING_TABLES].reverse().flatMap((t) => ddl.dropTable(t)),
      ...MONITORING_INDEXES.flatMap(({ index }) => ddl.dropIndex(index.name)),
    ],
  },
  {
    version: 8,
    description:
      'Um integrador por banco: WTC_ENGINE_LEASE diz qual integrador (máquina, pasta, processo) está ativo neste banco do WinThor',
    // Our own table only (ADR 0310): no WinThor table is touched, so no DDL lock on a busy table.
    tables: LEASE_TABLES,
    up: (ddl) => LEASE_TABLES.flatMap((t) => ddl.createTable(t)),
    down: (ddl) => [...LEASE_TABLES].reverse().flatMap((t) => ddl.dropTable(t)),
  },
];

function tableNamed(name: string): TableDef {
  const table = INTEGRATION_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`Tabela ${name} não está em INTEGRATION_TABLES`);
  return table;
}

export const TARGET_VERSION = MIGRATIONS.at(-1)!.version;
export { SCHEMA_VERSION_TABLE };
