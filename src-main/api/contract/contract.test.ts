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
  it('leaves out the sections it was not given (no defaults filled in)', async () => {
    const { SettingsPatch } = await import('.');
    expect(SettingsPatch.parse({ language: 'en' })).toEqual({ language: 'en' });
    expect(SettingsPatch.parse({})).toEqual({});
  });

  it('covers every section of the settings except the version', async () => {
    const { Settings, SettingsPatch } = await import('.');
    expect(Object.keys(SettingsPatch.shape).sort()).toEqual(
      Object.keys(Settings.shape)
        .filter((key) => key !== 'schemaVersion')
        .sort(),
    );
  });
});
