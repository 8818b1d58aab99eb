import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveLegacyProfile } from './legacy-profile';

let root: string;
let profile: string;
let data: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wtc-legacy-'));
  profile = join(root, 'AppData', 'Integrador WinThor Ciashop');
  data = join(root, 'ProgramData', 'IntegradorWinThorCiashop');
  mkdirSync(join(profile, 'demo'), { recursive: true });
  writeFileSync(join(profile, 'settings.json'), '{"schemaVersion":2}');
  writeFileSync(join(profile, 'secret.key'), 'ab'.repeat(32));
  writeFileSync(join(profile, 'demo', 'winthor-demo.db'), 'sqlite');
  writeFileSync(join(profile, 'session.secret'), 'not needed');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('moving the desktop profile into the data folder (first start after the upgrade)', () => {
  it('copies the settings, the key file and the demo folder, and leaves the profile as it was', () => {
    expect(moveLegacyProfile(profile, data).sort()).toEqual(['demo/', 'secret.key', 'settings.json']);
    expect(readFileSync(join(data, 'settings.json'), 'utf8')).toBe('{"schemaVersion":2}');
    expect(readFileSync(join(data, 'secret.key'), 'utf8')).toBe('ab'.repeat(32));
    expect(readFileSync(join(data, 'demo', 'winthor-demo.db'), 'utf8')).toBe('sqlite');
    expect(readFileSync(join(profile, 'settings.json'), 'utf8')).toBe('{"schemaVersion":2}');
  });

  it('does nothing once the data folder has settings (moved before, or configured by the service)', () => {
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'settings.json'), '{"do":"serviço"}');
    expect(moveLegacyProfile(profile, data)).toEqual([]);
    expect(readFileSync(join(data, 'settings.json'), 'utf8')).toBe('{"do":"serviço"}');
  });

  it('never replaces a key file the data folder already has', () => {
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'secret.key'), 'cd'.repeat(32));
    expect(moveLegacyProfile(profile, data).sort()).toEqual(['demo/', 'settings.json']);
    expect(readFileSync(join(data, 'secret.key'), 'utf8')).toBe('cd'.repeat(32));
  });

  it('does nothing without an old profile', () => {
    expect(moveLegacyProfile(join(root, 'nada'), data)).toEqual([]);
  });
});
