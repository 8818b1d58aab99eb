import { AppError } from '../../shared/app-error';
import type { Db } from '../db/db';
import { readSessionIdentity } from '../catalog/session-identity';
import { locateTables } from '../catalog/table-locations';
import { assertNoInvalidObjects } from './invalid-objects';
import { foreignTriggerTableOwners, assertInstallable } from './install-preflight';
import { buildInstallPlan, buildUninstallPlan, installSteps, type SchemaPlan } from './install-plan';
import { QUEUE_TRIGGERS } from './integration-objects';
import { readInstalledVersion } from './installed-version';
import { ORACLE_RESET_DDL_LOCK_TIMEOUT } from './schema-ddl';

export {
  buildInstallPlan,
  buildUninstallPlan,
  type InstallPlanOptions,
  type SchemaPlan,
} from './install-plan';
export { listIntegrationObjects, readInstalledVersion } from './installed-version';

/** The exact script `install` would run on this database (what "visualizar script" shows). */
export const planInstall = async (db: Db): Promise<SchemaPlan> => {
  const current = await readInstalledVersion(db);
  const identity = await readSessionIdentity(db);
  if (!identity) return buildInstallPlan(db.dialect.name, current);
  // Another owner's schema (CURRENT_SCHEMA ≠ SESSION_USER): the objects belong to the owner, and the script
  // (run by the owner) grants them to the connected user (ADR 0101).
  if (identity.user && identity.user !== identity.schema)
    return buildInstallPlan(db.dialect.name, current, { grantTo: identity.user });
  const locations = await locateTables(
    db,
    QUEUE_TRIGGERS.map((t) => t.table),
  );
  return buildInstallPlan(db.dialect.name, current, {
    triggerTableOwners: foreignTriggerTableOwners(locations, identity.schema),
  });
};

export const planUninstall = async (db: Db): Promise<SchemaPlan> =>
  buildUninstallPlan(db.dialect.name, await readInstalledVersion(db));

/** Another owner's schema: the DBA runs the script as that owner (ADR 0101); the app does not. */
const ownerMustInstall = (plan: SchemaPlan): AppError =>
  new AppError(
    'db_install_by_owner',
    `Os objetos da integração ficam no esquema configurado, de outro dono, e não no do usuário ${plan.grantTo}: a instalação é feita pelo DBA conectado como o dono do esquema, com o script de "Criar Tabelas / Sequences / Triggers" (que já concede a ${plan.grantTo} o acesso aos objetos). Nada foi executado.`,
    {
      field: 'database.oracle.schema',
      fix: 'Use "visualizar script" (ou: integrador db install --dry-run) e entregue o script ao DBA para ele executar conectado como o dono do esquema, numa janela sem movimento no WinThor.',
    },
  );

/**
 * How long one install statement may run, in seconds (the session's call timeout, instead of the usual 60):
 * building an index on a large WTC_ table (WTC_LOG after months of logs) can take minutes. Lock waits stay
 * bounded by DDL_LOCK_TIMEOUT (the prelude), so nothing waits this long on a WinThor lock.
 */
export const INSTALL_CALL_TIMEOUT_SECONDS = 1800;

/**
 * Oracle, in ONE session (the DDL_LOCK_TIMEOUT of the prelude applies to every statement): each statement is
 * idempotent and DDL commits by itself, so a failed run can simply be repeated. After each step's statements
 * and before its version is recorded, INVALID objects stop the install (ADR 0101).
 */
const installOracle = async (db: Db, plan: SchemaPlan): Promise<void> => {
  const { prelude, steps, finish } = installSteps('oracle', plan.currentVersion, {
    ...(plan.triggerTableOwners ? { triggerTableOwners: plan.triggerTableOwners } : {}),
  });
  await db.transaction(
    async (tx) => {
      try {
        await assertInstallable(tx, plan);
        for (const statement of prelude) await tx.execute(statement);
        for (const step of steps) {
          let compileError: AppError | undefined;
          for (const statement of step.up) {
            try {
              await tx.execute(statement);
            } catch (error) {
              if (!(error instanceof AppError) || error.code !== 'db_compiled_with_errors') throw error;
              // Stop at the first one: every further trigger would be one more WinThor table blocked.
              compileError = error;
              break;
            }
          }
          await assertNoInvalidObjects(tx, step.version, compileError);
          for (const statement of [...step.grants, ...step.record]) await tx.execute(statement);
        }
        for (const statement of finish) await tx.execute(statement);
      } finally {
        await tx.execute(ORACLE_RESET_DDL_LOCK_TIMEOUT).catch(() => {});
      }
    },
    { statementTimeoutSeconds: INSTALL_CALL_TIMEOUT_SECONDS },
  );
};

/** Every statement in one session (SQLite: one transaction, all or nothing; Oracle: DDL commits itself). */
const runInOneSession = (db: Db, statements: string[]): Promise<void> =>
  db.transaction(
    async (tx) => {
      try {
        for (const statement of statements) await tx.execute(statement);
      } finally {
        if (db.dialect.name === 'oracle') await tx.execute(ORACLE_RESET_DDL_LOCK_TIMEOUT).catch(() => {});
      }
    },
    { statementTimeoutSeconds: INSTALL_CALL_TIMEOUT_SECONDS },
  );

export const install = async (db: Db): Promise<SchemaPlan> => {
  const plan = await planInstall(db);
  if (plan.grantTo) throw ownerMustInstall(plan);
  if (db.dialect.name === 'oracle') await installOracle(db, plan);
  else await runInOneSession(db, plan.statements);
  return plan;
};

export const uninstall = async (db: Db): Promise<SchemaPlan> => {
  const plan = await planUninstall(db);
  await runInOneSession(db, plan.statements);
  return plan;
};
