import { describe, expect, it } from 'vitest';
import { FutureSettingsVersionError, migrateSettings } from './migrations';

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
