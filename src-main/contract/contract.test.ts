import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, events, METHOD_NAMES, SETTINGS_VERSION, type EventName } from '.';

describe('API contract', () => {
  it('lists every method the UI may call (review any change to this snapshot)', () => {
    const surface = METHOD_NAMES.map((name) => `${name} — ${contract[name].summary}`);
    expect(surface).toMatchSnapshot();
  });

  it('lists the event streams', () => {
    expect(Object.keys(events)).toMatchSnapshot();
  });
});

// Each method's input (as a caller may send it) and output (as it is answered), and each event's
// payload, as JSON Schema: any change to a schema shows in review as a change to these snapshots.
describe('API contract schemas', () => {
  it.each(METHOD_NAMES)('%s', (name) => {
    const { input, output } = contract[name];
    expect({
      input: z.toJSONSchema(input, { io: 'input' }),
      output: z.toJSONSchema(output, { io: 'output' }),
    }).toMatchSnapshot();
  });

  it.each(Object.keys(events) as EventName[])('event %s', (name) => {
    expect(z.toJSONSchema(events[name], { io: 'output' })).toMatchSnapshot();
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

  it('refuses an unknown key inside a branch instead of stripping it (the branch would lose its store)', async () => {
    const { SettingsPatch } = await import('.');
    const result = SettingsPatch.safeParse({
      branches: [{ code: '1', name: 'M', Store: { url: 'https://loja.example.com.br', token: 'x' } }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('branches.0');
    expect(JSON.stringify(result.error?.issues)).toContain('Store');
    expect(SettingsPatch.safeParse({ branches: [{ code: '1', store: { url: '', tokn: '' } }] }).success).toBe(
      false,
    );
    expect(
      SettingsPatch.safeParse({ branches: [{ code: '1', store: { url: 'u', token: 't' } }] }).success,
    ).toBe(true);
  });
});

describe('Settings', () => {
  it('refuses listening off loopback without a login password (the mask counts as one)', async () => {
    const { Settings, SECRET_MASK } = await import('.');
    const lan = Settings.safeParse({ schemaVersion: SETTINGS_VERSION, server: { host: '0.0.0.0' } });
    expect(lan.success).toBe(false);
    expect(lan.error?.issues[0]?.path).toEqual(['server', 'loginPassword']);
    expect(lan.error?.issues[0]?.message).toMatch(/^Senha de acesso: defina uma senha/);
    for (const server of [
      { host: '0.0.0.0', loginPassword: SECRET_MASK },
      { host: '192.168.0.10', loginPassword: 'senha' },
      { host: '127.0.0.1' },
      { host: 'localhost' },
    ]) {
      expect(Settings.safeParse({ schemaVersion: SETTINGS_VERSION, server }).success).toBe(true);
    }
  });
});
