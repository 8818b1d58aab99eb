import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Branch, SECRET_MASK, defaultSettings } from '../contract';
import { openMemorySettings } from './memory-settings';

describe('settings in memory', () => {
  const cwd = process.cwd();
  let dir: string | undefined;
  afterEach(() => {
    process.chdir(cwd);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('start from the defaults and write no file, not even in the current folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-memory-settings-'));
    process.chdir(dir);
    const settings = openMemorySettings();
    expect(settings.get()).toEqual(defaultSettings());
    settings.update({ database: { oracle: { connectString: 'srv/WINT', user: 'u', password: 'senha' } } });
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });

  it('follow the same secret rules as the file: masked, kept for the same target, refused for another', () => {
    const settings = openMemorySettings();
    settings.update({
      branches: [Branch.parse({ code: '1', store: { url: 'https://loja.com.br', token: 'TOKEN' } })],
    });
    expect(settings.getMasked().branches[0]?.store.token).toBe(SECRET_MASK);
    const masked = settings.getMasked().branches[0]!;
    settings.update({ branches: [{ ...masked, name: 'Outro nome' }] });
    expect(settings.get().branches[0]?.store.token).toBe('TOKEN');
    expect(() =>
      settings.update({ branches: [{ ...masked, store: { ...masked.store, url: 'https://outra.com.br' } }] }),
    ).toThrowError(expect.objectContaining({ code: 'secret_missing' }));
  });
});
