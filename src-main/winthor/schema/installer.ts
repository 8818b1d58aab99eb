import { AppError } from '../../shared/app-error';
import type { Db } from '../db/db';
import { SqliteDb } from '../db/sqlite-db';
import { PREFIX, SCHEMA_VERSION_TABLE, type TableDef } from './integration-objects';
import { MIGRATIONS, TARGET_VERSION } from './migrations';
import { oracleDropTrigger, schemaDdlFor } from './schema-ddl';

export interface SchemaPlan {
  dialect: 'oracle' | 'sqlite';
  currentVersion: number;
  targetVersion: number;
  statements: string[];
  /** Oracle, objects in another owner's schema: the connected user the script grants them to. */
  grantTo?: string;
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

/**
 * Oracle: the user to grant the WTC_ objects to, when the objects go into another owner's schema
 * (CURRENT_SCHEMA ≠ SESSION_USER): they belong to the owner and the connected user has no rights on them.
 * Undefined in the user's own schema and on SQLite.
 */
export const readInstallGrantee = async (db: Db): Promise<string | undefined> => {
  if (db.dialect.name !== 'oracle') return undefined;
  const who = await db.queryOne(
    `SELECT SYS_CONTEXT('USERENV', 'SESSION_USER') AS SESSION_USER_NAME, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS SCHEMA_NAME FROM DUAL`,
  );
  const user = String(who?.SESSION_USER_NAME ?? '');
  const schema = String(who?.SCHEMA_NAME ?? '');
  return user && schema && user !== schema ? user : undefined;
};

export interface InstallPlanOptions {
  /** Grant SELECT/INSERT/UPDATE/DELETE on every WTC_ table and SELECT on every sequence to this user. */
  grantTo?: string;
}

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
    ...(grantTo
      ? [
          `Os objetos ficam no esquema configurado (CURRENT_SCHEMA), não no do usuário ${grantTo}: o script concede a ele`,
          'SELECT, INSERT, UPDATE e DELETE em cada tabela WTC_ e SELECT em cada sequence. Quem executa precisa ser o',
          'dono do esquema ou ter GRANT ANY OBJECT PRIVILEGE.',
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

interface InstallSteps {
  /** The version table (and, for another owner's schema, the grants of what is already installed). */
  prelude: string[];
  /** `grants` after `up`: the connected user must be able to use the tables (and record the version). */
  steps: Array<{ version: number; up: string[]; grants: string[]; record: string[] }>;
  finish: string[];
}

const installSteps = (
  dialect: 'oracle' | 'sqlite',
  current: number,
  grantTo: string | undefined,
): InstallSteps => {
  const ddl = schemaDdlFor(dialect);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return { prelude: [], steps: [], finish: [] };
  const grants = (tables: readonly TableDef[]): string[] =>
    grantTo ? tables.flatMap((t) => ddl.grantAccess(t, grantTo)) : [];
  const installed = MIGRATIONS.filter((m) => m.version <= current).flatMap((m) => m.tables ?? []);
  return {
    prelude: [...ddl.createTable(SCHEMA_VERSION_TABLE), ...grants([SCHEMA_VERSION_TABLE, ...installed])],
    steps: pending.map((m) => ({
      version: m.version,
      up: m.up(ddl),
      grants: grants(m.tables ?? []),
      record: ddl.recordVersion(m.version, m.description),
    })),
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
  const grantTo = dialect === 'oracle' ? options.grantTo : undefined;
  const { prelude, steps, finish } = installSteps(dialect, current, grantTo);
  const statements = [...prelude, ...steps.flatMap((s) => [...s.up, ...s.grants, ...s.record]), ...finish];
  return {
    dialect,
    currentVersion: current,
    targetVersion: TARGET_VERSION,
    statements,
    ...(grantTo ? { grantTo } : {}),
    script: statements.length
      ? ddl.renderScript(statements, header('instalação', dialect, current, TARGET_VERSION, grantTo))
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
  buildInstallPlan(db.dialect.name, await readInstalledVersion(db), {
    grantTo: await readInstallGrantee(db),
  });

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

interface InvalidObject {
  type: string;
  name: string;
}

const isIntegrationName = (name: string): boolean => /^WTC_[A-Z0-9_$#]+$/.test(name);

/**
 * INVALID integration objects in the schema the installer writes to (CURRENT_SCHEMA: the configured owner of
 * the PC* tables, or the user), plus the one the driver just reported, if the dictionary missed it.
 */
const findInvalidObjects = async (db: Db, reported?: InvalidObject): Promise<InvalidObject[]> => {
  const rows = await db.query(
    `SELECT OBJECT_TYPE, OBJECT_NAME FROM ALL_OBJECTS WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND STATUS = 'INVALID' AND OBJECT_NAME LIKE 'WTC\\_%' ESCAPE '\\' ORDER BY OBJECT_NAME`,
  );
  const found = rows.map((r) => ({ type: String(r.OBJECT_TYPE), name: String(r.OBJECT_NAME) }));
  if (reported && !found.some((o) => o.type === reported.type && o.name === reported.name))
    found.push(reported);
  return found.filter((o) => isIntegrationName(o.name));
};

const compileErrors = async (db: Db, object: InvalidObject): Promise<string[]> => {
  const rows = await db
    .query(
      `SELECT LINE, POSITION, TEXT FROM ALL_ERRORS WHERE OWNER = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AND NAME = :name AND TYPE = :type ORDER BY SEQUENCE`,
      { name: object.name, type: object.type },
    )
    .catch(() => []);
  return rows.map((r) => `linha ${String(r.LINE)}, coluna ${String(r.POSITION)}: ${String(r.TEXT).trim()}`);
};

/**
 * After a step's statements and before its version is recorded: an INVALID trigger on PCPRODUT, PCEST,
 * PCTABPR or PCPEDC makes every write to that WinThor table fail (ORA-04098), so invalid triggers are dropped
 * at once, the version is not recorded, and the install fails naming each object and its compile errors.
 */
const assertNoInvalidObjects = async (
  db: Db,
  version: number,
  compileError?: AppError & { object?: InvalidObject },
): Promise<void> => {
  const invalid = await findInvalidObjects(db, compileError?.object);
  if (invalid.length === 0) {
    if (compileError) throw compileError;
    return;
  }
  const lines: string[] = [];
  for (const object of invalid) {
    const errors = await compileErrors(db, object);
    let action = '';
    if (object.type === 'TRIGGER') {
      const dropped = await db.execute(oracleDropTrigger(object.name)).then(
        () => true,
        () => false,
      );
      action = dropped
        ? ' — removida para não bloquear as gravações do WinThor'
        : ' — NÃO foi possível removê-la: peça ao DBA para executar DROP TRIGGER ' +
          `${object.name} já, pois ela bloqueia as gravações do WinThor na tabela (ORA-04098)`;
    }
    lines.push(`${object.type} ${object.name}${action}`);
    lines.push(...(errors.length ? errors : ['(sem detalhes em ALL_ERRORS)']).map((e) => `  ${e}`));
  }
  throw new AppError(
    'db_schema_invalid_objects',
    `Instalação interrompida: objetos da integração ficaram INVÁLIDOS no Oracle e a versão ${version} não foi registrada.\n${lines.join('\n')}`,
    {
      fix: 'Peça ao DBA para ver os erros acima (USER_ERRORS/ALL_ERRORS do esquema configurado), corrigir a causa — em geral um privilégio, uma tabela ou coluna que falta — e execute a instalação de novo.',
    },
  );
};

/** Oracle: DDL commits by itself; each statement is idempotent, so a failed run can simply be repeated. */
const installOracle = async (db: Db, current: number, grantTo: string | undefined): Promise<void> => {
  const { prelude, steps, finish } = installSteps('oracle', current, grantTo);
  for (const statement of prelude) await db.execute(statement);
  for (const step of steps) {
    let compileError: AppError | undefined;
    for (const statement of step.up) {
      try {
        await db.execute(statement);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'db_compiled_with_errors') throw error;
        // Stop at the first one: every further trigger would be one more WinThor table blocked.
        compileError = error;
        break;
      }
    }
    await assertNoInvalidObjects(db, step.version, compileError);
    for (const statement of [...step.grants, ...step.record]) await db.execute(statement);
  }
  for (const statement of finish) await db.execute(statement);
};

export const install = async (db: Db): Promise<SchemaPlan> => {
  const plan = await planInstall(db);
  if (db.dialect.name === 'oracle') await installOracle(db, plan.currentVersion, plan.grantTo);
  else await run(db, plan.statements);
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
