import { SETTINGS_VERSION } from '../contract';

/**
 * Versioned migrations of the settings file. `migrations[n]` turns a file of version n into version n+1.
 * A file without `schemaVersion` is version 0 (never written by this app; kept for hand-made files).
 */
export type Migration = (settings: Record<string, unknown>) => Record<string, unknown>;

export const migrations: Record<number, Migration> = {
  0: (settings) => ({ ...settings, schemaVersion: 1 }),
};

export interface MigrationResult {
  value: Record<string, unknown>;
  fromVersion: number;
}

export class FutureSettingsVersionError extends Error {}

export const migrateSettings = (
  raw: Record<string, unknown>,
  steps: Record<number, Migration> = migrations,
  target: number = SETTINGS_VERSION,
): MigrationResult => {
  const fromVersion = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (fromVersion > target) {
    throw new FutureSettingsVersionError(
      `o arquivo é da versão ${fromVersion} das configurações e este aplicativo conhece até a ${target}; atualize o aplicativo`,
    );
  }
  let value = raw;
  for (let version = fromVersion; version < target; version += 1) {
    const step = steps[version];
    if (!step) throw new Error(`falta a migração da versão ${version} das configurações`);
    value = step(value);
  }
  return { value, fromVersion };
};
