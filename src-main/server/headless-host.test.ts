import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { HEADLESS_LOG_FILE, startHeadless } from './headless-host';

let dataDir: string;
let uiDir: string;
const localLog = () => readFileSync(join(dataDir, 'logs', HEADLESS_LOG_FILE), 'utf8');

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'wtc-headless-'));
  dataDir = join(root, 'dados');
  uiDir = join(root, 'ui');
  mkdirSync(uiDir);
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>UI</title>');
});

describe('headless host: local log in the data folder', () => {
  it('keeps its start, its warnings and its stop in <data folder>/logs/headless.log, and still tells the console', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ schemaVersion: 1, database: { kind: 'oracle', oracle: { poolMin: 8, poolMax: 3 } } }),
    );
    const console: string[] = [];
    const host = await startHeadless({
      dataDir,
      uiDir,
      port: 0,
      log: (level, message) => console.push(`[${level}] ${message}`),
    });
    await host.close();
    const lines = localLog().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\S+Z \[warn\] Conexões mínimas \(8\) era maior que Conexões máximas \(3\)/);
    expect(lines[1]).toMatch(/^\S+Z \[info\] Integrador \S+ no ar em http:\/\/localhost:\d+\.$/);
    expect(lines[2]).toMatch(/^\S+Z \[info\] Integrador encerrado\.$/);
    expect(console).toEqual([expect.stringMatching(/^\[warn\] Conexões mínimas \(8\)/)]);
  });

  it('records why it could not start', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'settings.json'), '{ isto não é json');
    await expect(startHeadless({ dataDir, uiDir, port: 0 })).rejects.toThrow(/settings\.json está inválido/);
    expect(localLog()).toMatch(
      /\[error\] Não foi possível iniciar: O arquivo de configurações .* está inválido: .* Corrija o arquivo ou apague-o/,
    );
  });
});
