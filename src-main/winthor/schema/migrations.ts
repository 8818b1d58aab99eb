import { INTEGRATION_TABLES, QUEUE_TRIGGERS, SCHEMA_VERSION_TABLE } from './integration-objects';
import type { SchemaDdl } from './schema-ddl';

/** One step of the integration schema. Never edit a released step: add the next one. */
export interface Migration {
  version: number;
  description: string;
  up(ddl: SchemaDdl): string[];
  down(ddl: SchemaDdl): string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description:
      'Tabelas da integração: fila, vínculos, importação de pedidos, pendências, logs, execuções, cursores',
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
];

export const TARGET_VERSION = MIGRATIONS.at(-1)!.version;
export { SCHEMA_VERSION_TABLE };
