import { describe, expect, it } from 'vitest';
import { contract, events, METHOD_NAMES } from '.';

describe('API contract', () => {
  it('lists every method the UI may call (review any change to this snapshot)', () => {
    const surface = METHOD_NAMES.map((name) => `${name} — ${contract[name].summary}`);
    expect(surface).toMatchSnapshot();
  });

  it('lists the event streams', () => {
    expect(Object.keys(events)).toMatchSnapshot();
  });

  it('has input and output schemas for every method', () => {
    for (const name of METHOD_NAMES) {
      expect(contract[name].input.safeParse).toBeTypeOf('function');
      expect(contract[name].output.safeParse).toBeTypeOf('function');
    }
  });
});

describe('SettingsPatch', () => {
  it('leaves out what it was not given, at any depth (no defaults filled in)', async () => {
    const { SettingsPatch } = await import('.');
    expect(SettingsPatch.parse({ language: 'en' })).toEqual({ language: 'en' });
    expect(SettingsPatch.parse({ server: { port: 8080 } })).toEqual({ server: { port: 8080 } });
    expect(SettingsPatch.parse({ database: { kind: 'embedded' } })).toEqual({
      database: { kind: 'embedded' },
    });
    expect(SettingsPatch.parse({})).toEqual({});
  });

  it('accepts every section of the settings and refuses unknown fields', async () => {
    const { SettingsPatch, defaultSettings } = await import('.');
    const { schemaVersion: _version, ...sections } = defaultSettings();
    for (const [key, value] of Object.entries(sections)) {
      expect(SettingsPatch.parse({ [key]: value })).toEqual({ [key]: value });
    }
    expect(SettingsPatch.safeParse({ server: { porta: 1 } }).success).toBe(false);
    expect(SettingsPatch.safeParse({ schemaVersion: 2 }).success).toBe(false);
  });
});
