import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { PLAN_STORE_CODE_RULE, SERVER_ACCESS_FIELD, Settings, SettingsObject } from '../contract';
import { AppError } from '../shared/app-error';
import { describeValidationError } from '../shared/validation-message';
import { FutureSettingsVersionError, migrateSettings } from './migrations';
import { isEncrypted } from './secret-cipher';
import { listSecrets } from './secret-fields';

/** The settings file exists but cannot be used. It was copied aside; nothing was reset. */
export class SettingsFileError extends AppError {
  constructor(
    message: string,
    readonly backupPath: string,
  ) {
    super('invalid_settings_file', message, {
      fix: `Corrija o arquivo ou apague-o para recomeçar com as configurações padrão; a cópia está em ${backupPath}.`,
    });
  }
}

/** `20261128T105900`: file names of backups and exports. */
export const fileTimestamp = (date: Date): string =>
  date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

const isServerAccessIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as { rule?: string } | undefined)?.rule === 'server-access';

const isPoolOrderIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as { rule?: string } | undefined)?.rule === 'pool-order';

const isPlanStoreCodeIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as { rule?: string } | undefined)?.rule === PLAN_STORE_CODE_RULE;

/**
 * Plan rows saved before their store code was checked (ADR 0222) whose code no order can carry ("abc",
 * "0"): they never resolved an order, so they are left out, each named in a warning.
 */
const dropUnusablePlanRows = (
  value: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
  warn: ((message: string) => void) | undefined,
): void => {
  const branches = value.branches as Array<{ code?: unknown; mappings: { plans: unknown[] } }>;
  const doomed = new Map<number, Set<number>>();
  for (const issue of issues) {
    const [, branch, , , row] = issue.path as [string, number, string, string, number];
    if (!doomed.has(branch)) doomed.set(branch, new Set());
    doomed.get(branch)!.add(row);
  }
  for (const [branch, rows] of doomed) {
    const target = branches[branch]!;
    for (const row of rows) {
      const code = (target.mappings.plans[row] as { storeCode?: unknown } | undefined)?.storeCode;
      warn?.(
        `Plano de pagamento da filial ${String(target.code)}: o mapeamento "${String(code)}" foi descartado, porque nenhum pedido traz esse código (use o número de parcelas, 1 a 99, ou forma:parcelas, ex.: CreditCard:3). Cadastre-o de novo em Cadastrar → Plano de Pagamento se precisar.`,
      );
    }
    target.mappings.plans = target.mappings.plans.filter((_, index) => !rows.has(index));
  }
};

/** An earlier copy of a bad settings file with exactly this content, if there is one. */
const sameBackup = (filePath: string, content: string): string | undefined => {
  const prefix = `${basename(filePath)}.invalido-`;
  const folder = dirname(filePath);
  return readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .map((name) => join(folder, name))
    .find((path) => readFileSync(path, 'utf8') === content);
};

/** Copies a bad file aside (once per content) and throws the error that names the copy. */
const backUpAndFail = (filePath: string, text: string, reason: string, now: Date): never => {
  // One copy per bad content: a service restarting in a loop must not fill the folder with copies.
  let backupPath = sameBackup(filePath, text);
  if (!backupPath) {
    const stem = `${filePath}.invalido-${fileTimestamp(now)}`;
    backupPath = `${stem}.bak`;
    for (let n = 2; existsSync(backupPath); n += 1) backupPath = `${stem}-${n}.bak`;
    copyFileSync(filePath, backupPath);
  }
  throw new SettingsFileError(
    `O arquivo de configurações ${filePath} está inválido: ${reason}. Nada foi apagado; uma cópia foi salva em ${backupPath}.`,
    backupPath,
  );
};

export interface LoadedSettings {
  /** Secrets still as in the file (encrypted, or in clear when typed by hand). */
  settings: Settings;
  /** Migrated, repaired or holding a secret in clear: write it back. */
  needsRewrite: boolean;
  /** The file's own version, before any migration. */
  fromVersion: number;
}

/** Exit code of a host refused because its data was written by a newer version (ADR 0309). */
export const NEWER_VERSION_EXIT_CODE = 5;

/**
 * The settings file was written by a newer version of the app (a downgrade): refused, nothing changed, and
 * no "invalid file" backup either — the file is fine, this app is too old for it.
 */
export class SettingsFromNewerVersionError extends AppError {
  readonly exitCode = NEWER_VERSION_EXIT_CODE;

  constructor(filePath: string, detail: string) {
    super(
      'settings_from_newer_version',
      `As configurações em ${filePath} foram gravadas por uma versão mais nova do integrador (${detail}). Voltar para uma versão anterior não é suportado; nada foi alterado.`,
      {
        fix: 'Instale de novo a versão mais nova do integrador (o instalador mantém as configurações).',
      },
    );
  }
}

/** Copy of a settings file about to be migrated: `settings.json.versao-1-<time>.bak`, kept beside it. */
export const backUpBeforeMigration = (filePath: string, fromVersion: number, now: Date): string => {
  const backupPath = `${filePath}.versao-${fromVersion}-${fileTimestamp(now)}.bak`;
  copyFileSync(filePath, backupPath);
  return backupPath;
};

/**
 * Reads and checks the settings file before the store opens it, so that a bad file is reported, backed up
 * and kept (never silently reset). Undefined when there is no file yet.
 */
export const readSettingsFile = (
  filePath: string,
  options: { now?: () => Date; onWarning?: (message: string) => void } = {},
): LoadedSettings | undefined => {
  if (!existsSync(filePath)) return undefined;
  const text = readFileSync(filePath, 'utf8');
  const fail = (reason: string): never =>
    backUpAndFail(filePath, text, reason, options.now?.() ?? new Date());
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(`não é um JSON válido (${(error as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('não contém um objeto JSON');
  let migrated: { value: Record<string, unknown>; fromVersion: number };
  try {
    migrated = migrateSettings(raw as Record<string, unknown>);
  } catch (error) {
    if (error instanceof FutureSettingsVersionError)
      throw new SettingsFromNewerVersionError(filePath, error.message);
    return fail((error as Error).message);
  }
  let parsed = Settings.safeParse(migrated.value);
  let forceRewrite = false;
  if (!parsed.success && parsed.error.issues.every(isServerAccessIssue)) {
    // Saved before the check existed: load it (the web server refuses to start off loopback) and say so.
    options.onWarning?.(
      `${SERVER_ACCESS_FIELD}: ${parsed.error.issues[0]?.message ?? ''} Corrija em Configuração → Servidor web.`,
    );
    parsed = SettingsObject.safeParse(migrated.value);
  }
  if (!parsed.success && parsed.error.issues.every(isPoolOrderIssue)) {
    // Saved before min ≤ max was checked: the pool cannot open like that, so the minimum comes down.
    const oracle = (migrated.value.database as { oracle: { poolMin: number; poolMax: number } }).oracle;
    options.onWarning?.(
      `Conexões mínimas (${oracle.poolMin}) era maior que Conexões máximas (${oracle.poolMax}); ajustada para ${oracle.poolMax}. Confira em Banco de dados.`,
    );
    oracle.poolMin = oracle.poolMax;
    parsed = Settings.safeParse(migrated.value);
    forceRewrite = true;
  }
  if (!parsed.success && parsed.error.issues.every(isPlanStoreCodeIssue)) {
    dropUnusablePlanRows(migrated.value, parsed.error.issues, options.onWarning);
    parsed = Settings.safeParse(migrated.value);
    forceRewrite = true;
  }
  if (!parsed.success) return fail(describeValidationError(parsed.error as z.ZodError).message);
  const hasPlainSecret = [...listSecrets(parsed.data).values()].some((value) => value && !isEncrypted(value));
  return {
    settings: parsed.data,
    needsRewrite: migrated.fromVersion !== parsed.data.schemaVersion || hasPlainSecret || forceRewrite,
    fromVersion: migrated.fromVersion,
  };
};
