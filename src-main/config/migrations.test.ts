import { describe, expect, it } from 'vitest';
import { FutureSettingsVersionError, migrateSettings } from './migrations';
import { DEFAULT_SCHEDULES, Settings } from '../contract';

describe('migrateSettings', () => {
  const steps = {
    0: (s: Record<string, unknown>) => ({ ...s, schemaVersion: 1 }),
    1: (s: Record<string, unknown>) => ({ ...s, schemaVersion: 2, renamed: s.old, old: undefined }),
  };

  it('applies each step from the file version up to the current one', () => {
    expect(migrateSettings({ old: 'x' }, steps, 2)).toEqual({
      value: { schemaVersion: 2, renamed: 'x', old: undefined },
      fromVersion: 0,
    });
    expect(migrateSettings({ schemaVersion: 1, old: 'y' }, steps, 2).value.renamed).toBe('y');
  });

  it('leaves a current file alone', () => {
    const file = { schemaVersion: 2, a: 1 };
    expect(migrateSettings(file, steps, 2)).toEqual({ value: file, fromVersion: 2 });
  });

  it('refuses a newer file and a missing step', () => {
    expect(() => migrateSettings({ schemaVersion: 3 }, steps, 2)).toThrow(FutureSettingsVersionError);
    expect(() => migrateSettings({ schemaVersion: 0 }, { 0: steps[0] }, 2)).toThrow(/versão 1/);
  });
});

describe('settings version 1 → 2: schedules move into each branch', () => {
  it('gives every branch the old global values and the defaults for new jobs', () => {
    const v1 = {
      schemaVersion: 1,
      branches: [{ code: '1' }, { code: '2', name: 'Filial 2' }],
      schedules: { stock: { enabled: false, every: 3, unit: 'hours' }, orders: { every: 2 } },
    };
    const { value } = migrateSettings(v1);
    const settings = Settings.parse(value);
    expect(settings.schemaVersion).toBe(2);
    expect('schedules' in value).toBe(false);
    for (const branch of settings.branches) {
      const byJob = Object.fromEntries(branch.schedules.map((s) => [s.job, s]));
      expect(byJob.stock).toMatchObject({ enabled: false, every: 3, unit: 'hours', cron: '' });
      expect(byJob.orders).toMatchObject({ enabled: true, every: 2, unit: 'minutes' });
      expect(byJob.reconcile).toMatchObject({ every: 1, unit: 'days' });
      expect(branch.schedules.map((s) => s.job).sort()).toEqual(DEFAULT_SCHEDULES.map((s) => s.job).sort());
    }
  });

  it('keeps a branch that already has schedules, and a file without branches', () => {
    const own = [{ id: 'x', job: 'stock', every: 7, unit: 'minutes', enabled: true, cron: '' }];
    const { value } = migrateSettings({ schemaVersion: 1, branches: [{ code: '1', schedules: own }] });
    expect(Settings.parse(value).branches[0]!.schedules).toEqual(own);
    expect(Settings.parse(migrateSettings({ schemaVersion: 1 }).value).branches).toEqual([]);
  });
});
