import type { Db } from '../db/db';
import { SqliteDb } from '../db/sqlite-db';
import { PREFIX, SCHEMA_VERSION_TABLE } from './integration-objects';
import { MIGRATIONS, TARGET_VERSION } from './migrations';
import { schemaDdlFor } from './schema-ddl';

export interface SchemaPlan {
  dialect: 'oracle' | 'sqlite';
  currentVersion: number;
  targetVersion: number;
  statements: string[];
  /** The exact script, as a DBA reads it (Oracle: SQL*Plus / SQL Developer style with "/" lines). */
  script: string;
}

/** Installed version: 0 when the version table does not exist. */
export const readInstalledVersion = async (db: Db): Promise<number> => {
  const exists =
    db.dialect.name === 'oracle'
      ? // The objects live in CURRENT_SCHEMA (the configured owner of the PC* tables, or the user).
        await db.queryOne(
          `SELECT COUNT(*) AS N FROM ALL_TABLES WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND TABLE_NAME = 'WTC_SCHEMA_VERSION'`,
        )
      : await db.queryOne(
          `SELECT COUNT(*) AS N FROM sqlite_master WHERE type = 'table' AND name = 'WTC_SCHEMA_VERSION'`,
        );
  if (Number(exists?.N ?? 0) === 0) return 0;
  const row = await db.queryOne(`SELECT MAX(VERSION) AS V FROM WTC_SCHEMA_VERSION`);
  return Number(row?.V ?? 0);
};

const header = (kind: 'instalação' | 'remoção', dialect: string, from: number, to: number): string =>
  [
    `Integrador WinThor Ciashop — script de ${kind} dos objetos ${PREFIX}* (${dialect === 'oracle' ? 'Oracle' : 'SQLite'})`,
    `Versão instalada: ${from}; versão após o script: ${to}.`,
    'Cada comando pode ser executado de novo sem erro (idempotente).',
  ].join('\n');

/** The install script from a given version, without a connection (what a DBA reviews beforehand). */
export const buildInstallPlan = (dialect: 'oracle' | 'sqlite', current: number): SchemaPlan => {
  const ddl = schemaDdlFor(dialect);
  const statements: string[] = [];
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length > 0) {
    statements.push(...ddl.createTable(SCHEMA_VERSION_TABLE));
    for (const migration of pending)
      statements.push(...migration.up(ddl), ...ddl.recordVersion(migration.version, migration.description));
    statements.push(...ddl.finish());
  }
  return {
    dialect,
    currentVersion: current,
    targetVersion: TARGET_VERSION,
    statements,
    script: statements.length
      ? ddl.renderScript(statements, header('instalação', dialect, current, TARGET_VERSION))
      : `-- Nada a fazer: a versão ${current} já está instalada.\n`,
  };
};

/** The uninstall script: drops every object of every version (idempotent), so a half-installed schema is cleaned too. */
export const buildUninstallPlan = (dialect: 'oracle' | 'sqlite', current: number): SchemaPlan => {
  const ddl = schemaDdlFor(dialect);
  const statements = [
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

export const planInstall = async (db: Db): Promise<SchemaPlan> =>
  buildInstallPlan(db.dialect.name, await readInstalledVersion(db));

export const planUninstall = async (db: Db): Promise<SchemaPlan> =>
  buildUninstallPlan(db.dialect.name, await readInstalledVersion(db));

const run = async (db: Db, statements: string[]): Promise<void> => {
  if (db instanceof SqliteDb) {
    // SQLite DDL is transactional: all or nothing.
    await db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(statement);
    });
    return;
  }
  // Oracle DDL commits by itself; each statement is idempotent, so a failed run can be repeated.
  for (const statement of statements) await db.execute(statement);
};

export const install = async (db: Db): Promise<SchemaPlan> => {
  const plan = await planInstall(db);
  await run(db, plan.statements);
  return plan;
};

export const uninstall = async (db: Db): Promise<SchemaPlan> => {
  const plan = await planUninstall(db);
  await run(db, plan.statements);
  return plan;
};

/** Names of the integration objects present (tables, sequences, triggers, indexes). */
export const listIntegrationObjects = async (db: Db): Promise<string[]> => {
  const rows =
    db.dialect.name === 'oracle'
      ? await db.query(
          `SELECT OBJECT_TYPE || ' ' || OBJECT_NAME AS NAME FROM ALL_OBJECTS WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND OBJECT_NAME LIKE 'WTC\\_%' ESCAPE '\\' ORDER BY 1`,
        )
      : await db.query(
          `SELECT type || ' ' || name AS NAME FROM sqlite_master WHERE name LIKE 'WTC\\_%' ESCAPE '\\' ORDER BY 1`,
        );
  return rows.map((r) => String(r.NAME));
};
