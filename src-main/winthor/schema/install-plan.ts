import { PREFIX, SCHEMA_VERSION_TABLE, type TableDef } from './integration-objects';
import { MIGRATIONS, TARGET_VERSION } from './migrations';
import { INSTALL_DDL_LOCK_TIMEOUT_SECONDS, schemaDdlFor } from './schema-ddl';

export interface SchemaPlan {
  dialect: 'oracle' | 'sqlite';
  currentVersion: number;
  targetVersion: number;
  statements: string[];
  /** Oracle, objects in another owner's schema: the connected user the script grants them to. */
  grantTo?: string;
  /** Oracle: trigger tables of another owner (reached through synonyms), by table: the trigger names it. */
  triggerTableOwners?: Record<string, string>;
  /** The exact script, as a DBA reads it (Oracle: SQL*Plus / SQL Developer style with "/" lines). */
  script: string;
}

export interface InstallPlanOptions {
  /** Grant SELECT/INSERT/UPDATE/DELETE on every WTC_ table and SELECT on every sequence to this user. */
  grantTo?: string;
  /** Owner of a trigger table that is not in CURRENT_SCHEMA (`ON owner.table`). */
  triggerTableOwners?: Record<string, string>;
}

const quietWindow = (kind: 'instalação' | 'remoção'): string[] => [
  `Execute numa janela sem movimento no WinThor (fora do expediente): ${kind === 'instalação' ? 'criar' : 'remover'} uma trigger em PCEST,`,
  'PCPEDC, PCPRODUT, PCTABPR ou nas tabelas de categorias exige que nenhuma transação do WinThor esteja aberta na',
  `tabela. Cada comando espera até ${INSTALL_DDL_LOCK_TIMEOUT_SECONDS} s por esse bloqueio (DDL_LOCK_TIMEOUT) e, se não conseguir, falha com`,
  'ORA-00054: basta executar o script de novo. Mexer nas triggers também invalida os cursores em cache dessas',
  'tabelas: as telas do WinThor os recompilam na próxima execução.',
];

const header = (
  kind: 'instalação' | 'remoção',
  dialect: string,
  from: number,
  to: number,
  grantTo?: string,
): string =>
  [
    `Integrador WinThor Ciashop — script de ${kind} dos objetos ${PREFIX}* (${dialect === 'oracle' ? 'Oracle' : 'SQLite'})`,
    `Versão instalada: ${from}; versão após o script: ${to}.`,
    'Cada comando pode ser executado de novo sem erro (idempotente).',
    ...(dialect === 'oracle' ? quietWindow(kind) : []),
    ...(grantTo
      ? [
          `Os objetos ficam no esquema configurado (CURRENT_SCHEMA), não no do usuário ${grantTo}: execute este script`,
          `conectado como o dono desse esquema. Ele concede a ${grantTo} SELECT, INSERT, UPDATE e DELETE em cada tabela WTC_`,
          'e SELECT em cada sequence.',
        ]
      : []),
    ...(kind === 'instalação' && dialect === 'oracle'
      ? [
          'Depois de executar, confira se algum objeto ficou inválido (uma trigger INVÁLIDA bloqueia as gravações',
          'do WinThor na tabela dela, ORA-04098; remova-a com DROP TRIGGER e veja a causa em USER_ERRORS):',
          "  SELECT OBJECT_TYPE, OBJECT_NAME FROM USER_OBJECTS WHERE STATUS = 'INVALID' AND OBJECT_NAME LIKE 'WTC\\_%' ESCAPE '\\';",
        ]
      : []),
  ].join('\n');

export interface InstallSteps {
  /** Session settings, the version table (and, for another owner's schema, the grants of what is installed). */
  prelude: string[];
  /** `grants` after `up`: the connected user must be able to use the tables (and record the version). */
  steps: Array<{ version: number; up: string[]; grants: string[]; record: string[] }>;
  finish: string[];
}

/**
 * The statements from `current` to the target version. Each queue trigger is created once, in the first
 * pending step that names it (versions 2, 3 and 4 all name the same triggers at their current text).
 */
export const installSteps = (
  dialect: 'oracle' | 'sqlite',
  current: number,
  options: InstallPlanOptions = {},
): InstallSteps => {
  const ddl = schemaDdlFor(dialect);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return { prelude: [], steps: [], finish: [] };
  const grantTo = options.grantTo;
  const grants = (tables: readonly TableDef[]): string[] =>
    grantTo ? tables.flatMap((t) => ddl.grantAccess(t, grantTo)) : [];
  const installed = MIGRATIONS.filter((m) => m.version <= current).flatMap((m) => m.tables ?? []);
  const created = new Set<string>();
  return {
    prelude: [
      ...ddl.beginScript(),
      ...ddl.createTable(SCHEMA_VERSION_TABLE),
      ...grants([SCHEMA_VERSION_TABLE, ...installed]),
    ],
    steps: pending.map((m) => {
      const triggers = (m.triggers ?? []).filter((t) => !created.has(t.name));
      for (const t of triggers) created.add(t.name);
      return {
        version: m.version,
        up: [
          ...m.up(ddl),
          ...triggers.flatMap((t) => ddl.createQueueTrigger(t, options.triggerTableOwners?.[t.table])),
        ],
        grants: grants(m.tables ?? []),
        record: ddl.recordVersion(m.version, m.description),
      };
    }),
    finish: ddl.finish(),
  };
};

/** The install script from a given version, without a connection (what a DBA reviews beforehand). */
export const buildInstallPlan = (
  dialect: 'oracle' | 'sqlite',
  current: number,
  options: InstallPlanOptions = {},
): SchemaPlan => {
  const ddl = schemaDdlFor(dialect);
  const oracleOnly = dialect === 'oracle' ? options : {};
  const { prelude, steps, finish } = installSteps(dialect, current, oracleOnly);
  const statements = [...prelude, ...steps.flatMap((s) => [...s.up, ...s.grants, ...s.record]), ...finish];
  const owners = oracleOnly.triggerTableOwners;
  return {
    dialect,
    currentVersion: current,
    targetVersion: TARGET_VERSION,
    statements,
    ...(oracleOnly.grantTo ? { grantTo: oracleOnly.grantTo } : {}),
    ...(owners && Object.keys(owners).length ? { triggerTableOwners: owners } : {}),
    script: statements.length
      ? ddl.renderScript(
          statements,
          header('instalação', dialect, current, TARGET_VERSION, oracleOnly.grantTo),
        )
      : `-- Nada a fazer: a versão ${current} já está instalada.\n`,
  };
};

/** The uninstall script: drops every object of every version (idempotent), so a half-installed schema is cleaned too. */
export const buildUninstallPlan = (dialect: 'oracle' | 'sqlite', current: number): SchemaPlan => {
  const ddl = schemaDdlFor(dialect);
  const statements = [
    ...ddl.beginScript(),
    ...[...MIGRATIONS].reverse().flatMap((m) => m.down(ddl)),
    ...ddl.dropTable(SCHEMA_VERSION_TABLE),
  ];
  return {
    dialect,
    currentVersion: current,
    targetVersion: 0,
    statements,
    script: ddl.renderScript(statements, header('remoção', dialect, current, 0)),
  };
};
