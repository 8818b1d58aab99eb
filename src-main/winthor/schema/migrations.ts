import {
  ENGINE_TABLES,
  INTEGRATION_TABLES,
  REPLACED_BY_ENGINE_TABLES,
  QUEUE_TRIGGERS,
  SCHEMA_VERSION_TABLE,
  type TableDef,
} from './integration-objects';
import type { SchemaDdl } from './schema-ddl';

/** One step of the integration schema. Never edit a released step: add the next one. */
export interface Migration {
  version: number;
  description: string;
  /** The tables this step creates (granted to the connected user when it is not the schema owner). */
  tables?: readonly TableDef[];
  up(ddl: SchemaDdl): string[];
  down(ddl: SchemaDdl): string[];
}

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
    up: (ddl) => QUEUE_TRIGGERS.flatMap((t) => ddl.createQueueTrigger(t)),
    down: (ddl) => QUEUE_TRIGGERS.flatMap((t) => ddl.dropQueueTrigger(t)),
  },
  {
    version: 3,
    description:
      'Triggers de captura recriados com inserção dinâmica na fila: sem WTC_CHANGE_QUEUE, o WinThor continua gravando',
    // Oracle: CREATE OR REPLACE of the version 2 triggers with the dynamic queue insert (ADR 0102), for
    // databases that already have version 2. SQLite: its triggers did not change; CREATE TRIGGER IF NOT
    // EXISTS leaves them as they are.
    up: (ddl) => QUEUE_TRIGGERS.flatMap((t) => ddl.createQueueTrigger(t)),
    // The same objects as version 2, whose down drops them.
    down: () => [],
  },
  {
    version: 4,
    description:
      'Tabelas do motor: vínculos por loja (WTC_STORE_BINDING) e execuções (WTC_RUN), no lugar de WTC_BINDING e WTC_JOB_RUN',
    tables: ENGINE_TABLES,
    up: (ddl) => [
      ...REPLACED_BY_ENGINE_TABLES.flatMap((name) => ddl.dropTable(tableNamed(name))),
      ...ENGINE_TABLES.flatMap((t) => ddl.createTable(t)),
    ],
    down: (ddl) => [
      ...[...ENGINE_TABLES].reverse().flatMap((t) => ddl.dropTable(t)),
      ...REPLACED_BY_ENGINE_TABLES.flatMap((name) => ddl.createTable(tableNamed(name))),
    ],
  },
];

function tableNamed(name: string): TableDef {
  const table = INTEGRATION_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`Tabela ${name} não está em INTEGRATION_TABLES`);
  return table;
}

export const TARGET_VERSION = MIGRATIONS.at(-1)!.version;
export { SCHEMA_VERSION_TABLE };
