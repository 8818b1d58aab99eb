import { SECRET_MASK, Settings, SettingsObject } from '../contract';
import { AppError } from '../shared/app-error';
import { describeValidationError } from '../shared/validation-message';
import { migrateSettings } from './migrations';

/** The top-level keys of a settings file (an import must have at least one besides schemaVersion). */
const SETTINGS_KEYS: Record<string, unknown> = SettingsObject.shape;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An exported settings file, parsed, migrated and checked; secrets as the file has them (masked, empty,
 * encrypted or typed), to be resolved against the stored ones. `fileName` only names it in the messages.
 * Anything that is not an export is refused with an AppError naming the file and the fix.
 */
export const parseSettingsImport = (
  content: string,
  options: { fileName?: string | undefined; hasLoginPassword: boolean },
): Settings => {
  const label = options.fileName ? `Arquivo "${options.fileName}"` : 'Arquivo';
  const fix = 'Escolha um arquivo gerado por "Exportar configurações".';
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw new AppError('invalid_settings_file', `${label}: o conteúdo não é um JSON válido.`, {
      field: 'content',
      fix,
    });
  }
  if (!isPlainObject(raw)) {
    throw new AppError('invalid_settings_file', `${label}: não contém um objeto de configurações.`, {
      field: 'content',
      fix,
    });
  }
  // Any other JSON object would otherwise become version 0 and import as the defaults, wiping everything.
  const hasKnownSection = Object.keys(raw).some((key) => key !== 'schemaVersion' && key in SETTINGS_KEYS);
  if (typeof raw.schemaVersion !== 'number' || !hasKnownSection) {
    throw new AppError(
      'invalid_settings_file',
      `${label}: não é um arquivo de configurações do integrador (${
        typeof raw.schemaVersion !== 'number'
          ? 'falta o campo numérico "schemaVersion"'
          : 'não há nenhuma seção de configurações conhecida'
      }). Nada foi alterado.`,
      { field: 'content', fix },
    );
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateSettings(raw).value;
  } catch (error) {
    throw new AppError('invalid_settings_file', `${label}: ${(error as Error).message}.`, {
      field: 'content',
    });
  }
  // On import an empty login password means "keep the stored one": let the schema's check see it.
  const server = migrated.server;
  if (
    isPlainObject(server) &&
    (server.loginPassword === undefined || server.loginPassword === '') &&
    options.hasLoginPassword
  ) {
    migrated = { ...migrated, server: { ...server, loginPassword: SECRET_MASK } };
  }
  const parsed = Settings.safeParse(migrated);
  if (!parsed.success) {
    const { message } = describeValidationError(parsed.error);
    throw new AppError('invalid_settings_file', `${label}: configurações inválidas. ${message}`, {
      field: 'content',
    });
  }
  return parsed.data;
};
