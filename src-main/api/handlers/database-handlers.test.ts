import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { winthorDemoPart } from '../../runtime/demo/winthor-demo-part';
import { AppError } from '../../shared/app-error';
import { TARGET_VERSION } from '../../winthor/schema/migrations';

describe('db.* API methods on the embedded demo WinThor', () => {
  let dir: string;
  let runtime: Runtime;
  let stopDemo: (() => Promise<void>) | void;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-db-api-'));
    runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    stopDemo = await winthorDemoPart({ intervalMs: 3_600_000 })(runtime);
  }, 60_000);
  afterEach(async () => {
    if (stopDemo) await stopDemo();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the demo part configures the embedded database and two branches, and every check passes', async () => {
    const settings = runtime.settings.get();
    expect(settings.database).toMatchObject({
      kind: 'embedded',
      embedded: { file: join(dir, 'winthor-demo.sqlite') },
    });
    expect(settings.branches.map((b) => b.code)).toEqual(['1', '2']);
    const report = await runtime.api.invoke('db.check', {});
    expect(report.checks.filter((c) => c.status === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.id === 'parameter.2.2829')).toMatchObject({
      status: 'ok',
      detail: '80%',
    });
    expect(report.checks.find((c) => c.id === 'parameter.1.4012')).toMatchObject({
      status: 'ok',
      detail: '99 (existe em PCUSUARI)',
    });
    expect(report.checks.find((c) => c.id === 'schema')).toMatchObject({
      status: 'ok',
      detail: `Versão ${TARGET_VERSION} instalada.`,
    });
  });

  it('previews, uninstalls and installs the integration schema', async () => {
    expect((await runtime.api.invoke('db.installPreview', {})).script).toContain('Nada a fazer');
    const removal = await runtime.api.invoke('db.uninstallPreview', {});
    expect(removal).toMatchObject({ dialect: 'sqlite', currentVersion: TARGET_VERSION, targetVersion: 0 });
    expect(removal.script).toContain('DROP TRIGGER IF EXISTS WTC_TRG_PCEST_U');
    expect(await runtime.api.invoke('db.uninstall', {})).toMatchObject({
      previousVersion: TARGET_VERSION,
      installedVersion: 0,
    });
    expect((await runtime.api.invoke('db.check', {})).checks.find((c) => c.id === 'schema')).toMatchObject({
      status: 'warning',
    });
    expect(await runtime.api.invoke('db.install', {})).toMatchObject({
      previousVersion: 0,
      installedVersion: TARGET_VERSION,
    });
  });

  it('reports a wrong parameter code and a database without the WinThor tables clearly', async () => {
    const db = await runtime.database.get();
    await db.execute(`UPDATE PCPARAMFILIAL SET VALOR = 'ZZZ' WHERE PCPARAMFILIAL.NOME = 'CODCOBCIASHOP'`);
    const report = await runtime.api.invoke('db.check', {});
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === 'parameter.1.4008')).toMatchObject({
      status: 'error',
      detail: 'O código ZZZ não existe em PCCOB.',
    });

    const current = runtime.settings.get().database;
    runtime.settings.update({ database: { ...current, embedded: { file: join(dir, 'empty.sqlite') } } });
    const empty = await runtime.api.invoke('db.check', {});
    const read = empty.checks.find((c) => c.id === 'grants.read')!;
    expect(read.status).toBe('error');
    expect(read.detail).toContain('PCPRODUT: Banco de dados: a tabela PCPRODUT não existe.');
  });

  it('tests an Oracle connection before saving and reports an unreachable host in one message', async () => {
    const result = await runtime.api.invoke('db.testConnection', {
      database: {
        kind: 'oracle',
        oracle: {
          connectString: '127.0.0.1:1/FREEPDB1',
          user: 'wtc',
          password: 'x',
          instantClientDir: '',
          poolMin: 0,
          poolMax: 1,
          schema: '',
        },
        embedded: { file: '' },
      },
    });
    expect(result).toMatchObject({ ok: false, kind: 'oracle', code: 'db_unreachable', serverVersion: null });
    expect(result.message).toMatch(/^Banco Oracle: não foi possível conectar ao servidor/);
    const embedded = await runtime.api.invoke('db.testConnection', {});
    expect(embedded).toMatchObject({ ok: true, kind: 'embedded', driverMode: 'embedded' });
    expect(embedded.serverVersion).toMatch(/^SQLite 3\./);
  }, 20_000);

  it('lists the active WinThor branches for Configuração, and says in pt-BR when the database does not answer', async () => {
    expect(await runtime.api.invoke('db.branches', {})).toEqual({
      branches: [
        { code: '1', name: 'MATRIZ PORTO ALEGRE' },
        { code: '2', name: 'FILIAL SAO PAULO' },
      ],
    });
    const db = await runtime.database.get();
    await db.execute(`UPDATE PCFILIAL SET DTEXCLUSAO = CURRENT_TIMESTAMP WHERE PCFILIAL.CODIGO = '2'`);
    expect((await runtime.api.invoke('db.branches', {})).branches.map((b) => b.code)).toEqual(['1']);

    const current = runtime.settings.get().database;
    runtime.settings.update({ database: { ...current, embedded: { file: join(dir, 'empty.sqlite') } } });
    const failure = await runtime.api.invoke('db.branches', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(
      /^Não foi possível ler as filiais do WinThor \(PCFILIAL\)\. Banco de dados: a tabela PCFILIAL não existe/,
    );
    expect((failure as AppError).fix).toBeTruthy();
  });
});
