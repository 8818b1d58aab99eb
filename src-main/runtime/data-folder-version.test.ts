import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkDataFolderVersion,
  DATA_FOLDER_VERSION_FILE,
  DowngradeRefusedError,
} from './data-folder-version';

let dir: string;
const record = () => JSON.parse(readFileSync(join(dir, DATA_FOLDER_VERSION_FILE), 'utf8'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-version-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('data folder version (downgrades refused)', () => {
  it('records the first version and each upgrade', () => {
    expect(checkDataFolderVersion(dir, '0.1.0', new Date('2026-12-01T00:00:00Z'))).toBeNull();
    expect(record()).toEqual({ version: '0.1.0', since: '2026-12-01T00:00:00.000Z' });
    expect(checkDataFolderVersion(dir, '0.1.0')).toBe('0.1.0');
    expect(checkDataFolderVersion(dir, '0.2.0', new Date('2026-12-05T00:00:00Z'))).toBe('0.1.0');
    expect(record()).toEqual({ version: '0.2.0', since: '2026-12-05T00:00:00.000Z' });
  });

  it('refuses a version older than the last one that ran, naming both and the fix, and changes nothing', () => {
    checkDataFolderVersion(dir, '0.10.0');
    const before = readFileSync(join(dir, DATA_FOLDER_VERSION_FILE), 'utf8');
    let error: unknown;
    try {
      checkDataFolderVersion(dir, '0.9.3');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DowngradeRefusedError);
    expect(error).toMatchObject({ code: 'downgrade_refused', exitCode: 5 });
    expect((error as Error).message).toContain('versão 0.10.0 do integrador, mais nova que esta (0.9.3)');
    expect((error as DowngradeRefusedError).fix).toContain('Instale a versão 0.10.0 ou mais nova');
    expect(readFileSync(join(dir, DATA_FOLDER_VERSION_FILE), 'utf8')).toBe(before);
  });

  it('treats an unreadable record as a first run (it is rewritten)', () => {
    writeFileSync(join(dir, DATA_FOLDER_VERSION_FILE), 'não é json');
    expect(checkDataFolderVersion(dir, '0.1.0')).toBeNull();
    expect(record().version).toBe('0.1.0');
  });
});
