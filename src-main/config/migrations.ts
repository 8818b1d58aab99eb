import { DEFAULT_SCHEDULES, LegacySchedule, SCHEDULE_JOBS, SETTINGS_VERSION } from '../contract';

/**
 * Versioned migrations of the settings file. `migrations[n]` turns a file of version n into version n+1.
 * A file without `schemaVersion` is version 0 (never written by this app; kept for hand-made files).
 */
export type Migration = (settings: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 1 → 2: schedules move from one global map (`schedules.orders = {every, unit}`) into each branch
 * (`branches[i].schedules`, a list the Agendamento screen edits). Each branch gets the old values, so
 * nothing the operator set is lost; jobs the old map did not have (reconcile) get their defaults.
 */
const schedulesIntoBranches: Migration = (settings) => {
  const { schedules: legacy, ...rest } = settings;
  const legacyMap = (legacy && typeof legacy === 'object' ? legacy : {}) as Record<string, unknown>;
  const perBranch = DEFAULT_SCHEDULES.map((fallback) => {
    const parsed = LegacySchedule.safeParse(legacyMap[fallback.job] ?? undefined);
    const old = legacyMap[fallback.job] !== undefined && parsed.success ? parsed.data : undefined;
    return old ? { ...fallback, enabled: old.enabled, every: old.every, unit: old.unit } : { ...fallback };
  }).filter((schedule) => (SCHEDULE_JOBS as readonly string[]).includes(schedule.job));
  const branches = Array.isArray(rest.branches) ? rest.branches : [];
  return {
    ...rest,
    branches: branches.map((branch: unknown) =>
      branch && typeof branch === 'object' && !('schedules' in branch)
        ? { ...branch, schedules: perBranch.map((schedule) => ({ ...schedule })) }
        : branch,
    ),
    schemaVersion: 2,
  };
};

export const migrations: Record<number, Migration> = {
  0: (settings) => ({ ...settings, schemaVersion: 1 }),
  1: schedulesIntoBranches,
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
      `formato ${fromVersion} das configurações; esta versão do aplicativo conhece até o ${target}`,
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
