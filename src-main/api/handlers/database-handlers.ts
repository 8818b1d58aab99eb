import { AppError } from '../../shared/app-error';
import type { HandlerGroup } from '../handlers';
import type { SettingsService } from '../../config/settings-service';
import { SECRET_MASK, type DbScriptPreview, type DbTestConnectionResult } from '../../contract';
import { oraclePasswordTarget } from '../../contract/secret-targets';
import { mapDbError } from '../../winthor/db/db-errors';
import type { DatabaseService } from '../../winthor/database-service';
import { checkPrerequisites } from '../../winthor/prerequisites';
import { PARAMETER_RULES } from '../../engine/domain/parameter-rules';
import { listBranches } from '../../winthor/repositories/branches-repository';
import {
  buildInstallPlan,
  buildUninstallPlan,
  install,
  planInstall,
  planUninstall,
  uninstall,
  type SchemaPlan,
} from '../../winthor/schema/installer';

type DatabaseMethods =
  | 'db.testConnection'
  | 'db.check'
  | 'db.branches'
  | 'db.installPreview'
  | 'db.uninstallPreview'
  | 'db.install'
  | 'db.uninstall';

/** What a preview shows of a plan: the script and its versions (not the statement list). */
const preview = ({
  dialect,
  currentVersion,
  targetVersion,
  script,
  grantTo,
}: SchemaPlan): DbScriptPreview => ({
  dialect,
  currentVersion,
  targetVersion,
  script,
  ...(grantTo ? { grantTo } : {}),
});

export const databaseHandlers = (
  settings: SettingsService,
  database: DatabaseService,
): HandlerGroup<DatabaseMethods> => ({
  'db.testConnection': async ({ database: candidate }) => {
    const stored = settings.get().database;
    const wantsStoredPassword =
      candidate !== undefined &&
      candidate.kind === 'oracle' &&
      (!candidate.oracle.password || candidate.oracle.password === SECRET_MASK);
    // The stored password only ever goes to the stored server and user (its target, ADR 0008).
    if (
      wantsStoredPassword &&
      oraclePasswordTarget(candidate.oracle) !== oraclePasswordTarget(stored.oracle)
    ) {
      return {
        ok: false,
        kind: 'oracle',
        serverVersion: null,
        driverMode: null,
        message:
          'Senha: para testar outro servidor ou usuário, digite a senha (a senha guardada só é usada com a conexão guardada).',
        messageRef: { key: 'db.password_required' },
        code: 'password_required',
        field: 'database.oracle.password',
      };
    }
    const target = candidate
      ? {
          ...candidate,
          // The UI shows the password masked: the mask (or empty) means "the stored one".
          oracle: {
            ...candidate.oracle,
            password: wantsStoredPassword ? stored.oracle.password : candidate.oracle.password,
          },
        }
      : stored;
    try {
      const info = await database.withTemporary(target, (db) => db.info());
      const result: DbTestConnectionResult = {
        ok: true,
        kind: info.kind,
        serverVersion: info.serverVersion,
        driverMode: info.driverMode,
        message: `Conectado: ${info.serverVersion}${info.driverMode === 'embedded' ? '' : ` (modo ${info.driverMode === 'thin' ? 'Thin' : 'Thick'})`}.`,
        messageRef: { key: 'db.connected', params: { version: info.serverVersion, mode: info.driverMode } },
      };
      return result;
    } catch (error) {
      const mapped = mapDbError(error, { connectString: target.oracle.connectString });
      return {
        ok: false,
        kind: target.kind,
        serverVersion: null,
        driverMode: null,
        message: mapped.fix ? `${mapped.message} ${mapped.fix}` : mapped.message,
        messageRef: mapped.messageRef ?? {
          key: `db.${mapped.code}`,
          params: { connectString: target.oracle.connectString, detail: mapped.message },
        },
        code: mapped.code,
        ...(mapped.field ? { field: mapped.field } : {}),
      };
    }
  },
  'db.check': async () => {
    let checks;
    try {
      checks = await database.use((db) => checkPrerequisites(db, settings.get(), PARAMETER_RULES));
    } catch (error) {
      const mapped = mapDbError(error);
      checks = [
        {
          id: 'connection',
          label: 'Conexão com o banco de dados',
          status: 'error' as const,
          detail: mapped.message,
          ...(mapped.fix ? { fix: mapped.fix } : {}),
        },
      ];
    }
    return { ok: checks.every((c) => c.status !== 'error'), checks };
  },
  'db.branches': async () => {
    const branches = await database.use(listBranches).catch((error: unknown) => {
      const mapped = error instanceof AppError ? error : mapDbError(error);
      throw new AppError(
        mapped.code,
        `Não foi possível ler as filiais do WinThor (PCFILIAL). ${mapped.message}`,
        {
          ...(mapped.field ? { field: mapped.field } : {}),
          fix: mapped.fix ?? 'Confira a conexão em Banco de Dados; enquanto isso, digite o código da filial.',
          ...(mapped.retryable !== undefined ? { retryable: mapped.retryable } : {}),
        },
      );
    });
    return {
      branches: branches
        .filter((branch) => branch.active)
        .map((branch) => ({ code: branch.code, name: branch.name || branch.fantasia })),
    };
  },
  'db.installPreview': async ({ dialect, grantTo }) =>
    preview(
      dialect ? buildInstallPlan(dialect, 0, grantTo ? { grantTo } : {}) : await database.use(planInstall),
    ),
  'db.uninstallPreview': async ({ dialect }) =>
    preview(dialect ? buildUninstallPlan(dialect, 0) : await database.use(planUninstall)),
  'db.install': async () => {
    const plan = await database.use(install).catch((error: unknown) => {
      throw error instanceof AppError ? error : mapDbError(error);
    });
    return {
      previousVersion: plan.currentVersion,
      installedVersion: plan.targetVersion,
      statements: plan.statements.length,
    };
  },
  'db.uninstall': async () => {
    const plan = await database.use(uninstall).catch((error: unknown) => {
      throw error instanceof AppError ? error : mapDbError(error);
    });
    return { previousVersion: plan.currentVersion, installedVersion: 0, statements: plan.statements.length };
  },
});
