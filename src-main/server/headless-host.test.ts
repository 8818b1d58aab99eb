import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../contract';
import { DATA_FOLDER_VERSION_FILE } from '../runtime/data-folder-version';
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
      JSON.stringify({
        schemaVersion: SETTINGS_VERSION,
        database: { kind: 'oracle', oracle: { poolMin: 8, poolMax: 3 } },
      }),
    );
    const console: string[] = [];
    const host = await startHeadless({
      dataDir,
      uiDir,
      port: 0,
      log: (level, message) => console.push(`[${level}] ${message}`),
    });
    await host.close();
    const all = localLog().trimEnd().split('\n');
    // Each change of the engine's state is a line too (a service nobody watches).
    expect(all.some((line) => /\[info\] Motor: /.test(line))).toBe(true);
    const lines = all.filter((line) => !/\] Motor: /.test(line));
    expect(lines[0]).toMatch(/^\S+Z \[warn\] Conexões mínimas \(8\) era maior que Conexões máximas \(3\)/);
    // No database configured yet: the first run — the schema is not checked, the host starts.
    expect(lines[1]).toMatch(/^\S+Z \[info\] Integrador \S+ no ar em http:\/\/localhost:\d+\.$/);
    expect(lines[2]).toMatch(/^\S+Z \[info\] Integrador encerrado\.$/);
    expect(console.filter((line) => !/\] Motor: /.test(line))).toEqual([
      expect.stringMatching(/^\[warn\] Conexões mínimas \(8\)/),
    ]);
  });

  it('app.status says a plain serve is not the service, and that WTC_PORT chose its port (#12)', async () => {
    const host = await startHeadless({ dataDir, uiDir, port: 0, portSource: 'env' });
    try {
      const status = await host.runtime.api.invoke('app.status', {}, { origin: 'internal' });
      expect(status).toMatchObject({ host: 'headless', service: false, web: { source: 'env' } });
    } finally {
      await host.close();
    }
  });

  it('records why it could not start', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'settings.json'), '{ isto não é json');
    await expect(startHeadless({ dataDir, uiDir, port: 0 })).rejects.toThrow(/settings\.json está inválido/);
    expect(localLog()).toMatch(
      /\[error\] Não foi possível iniciar: O arquivo de configurações .* está inválido: .* Corrija o arquivo ou apague-o/,
    );
  });

  it('refuses a second host on the same data folder, naming the first and its address (exit code 4)', async () => {
    const first = await startHeadless({ dataDir, uiDir, port: 0 });
    try {
      const error = await startHeadless({ dataDir, uiDir, port: 0 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'data_folder_in_use', exitCode: 4 });
      expect((error as Error).message).toContain(`interface em ${first.url}`);
      // The refused process does not write the running host's log (ADR 0316): stderr and exit code 4 say it.
      expect(localLog()).not.toMatch(/Não foi possível iniciar|já está em uso/);
    } finally {
      await first.close();
    }
    const again = await startHeadless({ dataDir, uiDir, port: 0 });
    await again.close();
  });

  it('names a running demo as the holder, with no service advice, and keeps its log clean (#12)', async () => {
    const first = await startHeadless({ dataDir, uiDir, port: 0, demo: true });
    try {
      const before = localLog();
      const error = (await startHeadless({ dataDir, uiDir, port: 0, demo: true }).catch(
        (e: unknown) => e,
      )) as {
        message: string;
        fix: string;
      };
      expect(error.message).toMatch(/já está em uso pela demonstração sem janela \(serve --demo\)/);
      expect(error.message).not.toMatch(/serviço|por o/);
      expect(error.fix).not.toContain('nssm');
      expect(error.fix).toContain(`processo ${process.pid}`);
      expect(localLog()).toBe(before);
    } finally {
      await first.close();
    }
  });

  it('as the Windows service, tells the console nothing but what serve prints itself (ADR 0316)', async () => {
    const console: string[] = [];
    const host = await startHeadless({
      dataDir,
      uiDir,
      port: 0,
      service: true,
      log: (level, message) => console.push(`[${level}] ${message}`),
    });
    const status = await host.runtime.api.invoke('app.status', {}, { origin: 'internal' });
    expect(status).toMatchObject({ service: true, web: { source: 'flag' } });
    expect(host.url).toBe(`http://localhost:${status.web!.port}`);
    await host.close();
    expect(localLog()).toMatch(/\] Motor: /);
    expect(console).toEqual([]);
  });

  it('refuses to run on a data folder a newer version used (exit code 5), reading nothing', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, DATA_FOLDER_VERSION_FILE), JSON.stringify({ version: '99.0.0', since: 'x' }));
    writeFileSync(join(dataDir, 'settings.json'), '{ isto não é json');
    const error = await startHeadless({ dataDir, uiDir, port: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'downgrade_refused', exitCode: 5 });
    expect(localLog()).toMatch(/já foi usada pela versão 99\.0\.0 do integrador/);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe('{ isto não é json');
  });
});
