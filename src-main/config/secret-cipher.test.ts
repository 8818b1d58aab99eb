import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFileCipher, restrictToOwner } from './secret-cipher';

const folder = () => mkdtempSync(join(tmpdir(), 'wtc-key-'));

describe('key file access', () => {
  it('creates the key readable by its owner only, and tightens an older, looser file at start', () => {
    const dir = folder();
    const keyFile = join(dir, 'secret.key');
    new KeyFileCipher(keyFile);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'old.key'), 'ab'.repeat(32), { mode: 0o644 });
    new KeyFileCipher(join(dir, 'old.key'));
    expect(statSync(join(dir, 'old.key')).mode & 0o777).toBe(0o600);
  });

  it('on Windows removes inherited rights and grants only this account, SYSTEM and Administrators', () => {
    const calls: Array<[string, string[]]> = [];
    restrictToOwner('C:\\ProgramData\\Integrador\\secret.key', {
      platform: 'win32',
      run: (command, args) => calls.push([command, args]),
    });
    expect(calls).toEqual([
      [
        'icacls',
        [
          'C:\\ProgramData\\Integrador\\secret.key',
          '/inheritance:r',
          '/grant:r',
          `${userInfo().username}:F`,
          '*S-1-5-18:F',
          '*S-1-5-32-544:F',
        ],
      ],
    ]);
  });

  it('says so, in pt-BR, when the rights cannot be restricted, and still starts', () => {
    const warnings: string[] = [];
    const dir = folder();
    const cipher = new KeyFileCipher(join(dir, 'secret.key'), {
      platform: 'win32',
      run: () => {
        throw new Error('Acesso negado.');
      },
      onWarning: (message) => warnings.push(message),
    });
    expect(cipher.decrypt(cipher.encrypt('senha'))).toBe('senha');
    expect(warnings.join(' ')).toMatch(
      /Não foi possível restringir o acesso ao arquivo de chave .*Acesso negado/,
    );
  });
});
