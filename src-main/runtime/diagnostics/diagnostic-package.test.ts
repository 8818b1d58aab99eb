import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Branch } from '../../contract';
import { openHeadlessSettings } from '../../config/headless-settings';
import { prepareDemoDatabase, demoDatabasePath, TARGET_VERSION, writeLogs } from '../../winthor';
import { createRuntime, type Runtime } from '../create-runtime';
import { REMOVED_SECRET } from './diagnostic-package';
import { unzipToMap } from './unzip.test-support';

const SECRETS = {
  token: 'tk-diagnostico-7f3a9c',
  oraclePassword: 'Senha"Oracle\\2026',
  smtpPassword: 'smtp-segredo-5521',
  loginPassword: 'login-segredo-8830',
};

let dir: string;
let runtime: Runtime;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-diagnostics-'));
  const file = demoDatabasePath(dir);
  await prepareDemoDatabase(file, { products: 20 });
  const settings = openHeadlessSettings(dir);
  settings.update({
    server: { loginPassword: SECRETS.loginPassword },
    database: {
      kind: 'embedded',
      embedded: { file },
      // A port nothing listens on: switching to Oracle makes the database unreachable at once.
      oracle: { connectString: '127.0.0.1:1/WINT', user: 'WINTHOR', password: SECRETS.oraclePassword },
    },
    branches: [
      Branch.parse({
        code: '1',
        store: { url: 'https://loja.example.com.br', token: SECRETS.token },
        email: { host: 'smtp.example.com.br', user: 'alertas', password: SECRETS.smtpPassword },
      }),
    ],
  });
  runtime = createRuntime({ host: 'headless', settings, dataDir: dir, scheduler: false });
  // Secrets where they should never be, to prove the package still does not carry them.
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(
    join(dir, 'logs', 'headless.log'),
    `2026-12-05T10:00:00.000Z [info] Integrador no ar.\n2026-12-05T10:00:01.000Z [warn] token recusado: ${SECRETS.token}\n`,
  );
  writeFileSync(join(dir, 'logs', 'headless.log.1'), `senha antiga ${SECRETS.smtpPassword}\n`);
  await runtime.database.use((db) =>
    writeLogs(db, [
      {
        at: new Date('2026-12-05T10:00:02Z'),
        level: 'error',
        branch: '1',
        entity: 'product',
        runId: null,
        message: `falha com a senha ${SECRETS.oraclePassword}`,
        details: JSON.stringify({ token: SECRETS.token }),
      },
    ]),
  );
});

afterEach(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('diagnostic package (system.diagnostics)', () => {
  it('holds the settings, logs, versions, prerequisites and engine state, and no secret anywhere', async () => {
    // This runtime runs no scheduler (a one-shot): its lease is claimed when it first needs it.
    await runtime.lease?.ready();
    const result = await runtime.api.invoke('system.diagnostics', {});
    expect(result.fileName).toMatch(/^diagnostico-integrador-\d{8}T\d{6}\.zip$/);
    const zip = Buffer.from(result.contentBase64, 'base64');
    expect(zip.length).toBe(result.bytes);
    const files = await unzipToMap(zip);
    expect([...files.keys()].sort()).toEqual(
      [
        'LEIA-ME.txt',
        'configuracoes.json',
        'logs-do-banco.json',
        'logs/headless.log',
        'logs/headless.log.1',
        'motor.json',
        'pre-requisitos.json',
        'versoes.json',
      ].sort(),
    );
    expect(result.entries.map((entry) => entry.name).sort()).toEqual([...files.keys()].sort());

    const all = [...files.values()].map((content) => content.toString('utf8')).join('\n');
    for (const secret of Object.values(SECRETS)) {
      expect(all).not.toContain(secret);
      expect(all).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    expect(zip.toString('latin1')).not.toContain(SECRETS.token); // nor stored uncompressed

    const text = (name: string) => files.get(name)!.toString('utf8');
    const settings = JSON.parse(text('configuracoes.json'));
    expect(settings.branches[0].store).toEqual({ url: 'https://loja.example.com.br', token: REMOVED_SECRET });
    expect(settings.database.oracle).toMatchObject({ user: 'WINTHOR', password: REMOVED_SECRET });
    expect(settings.server.loginPassword).toBe(REMOVED_SECRET);
    expect(text('logs/headless.log')).toContain(`token recusado: ${REMOVED_SECRET}`);
    expect(text('logs-do-banco.json')).toContain(`falha com a senha ${REMOVED_SECRET}`);

    const versions = JSON.parse(text('versoes.json'));
    expect(versions.integrador).toEqual({
      versao: runtime.info.version,
      host: 'headless',
      demonstracao: false,
    });
    expect(versions.runtime.node).toBe(process.versions.node);
    expect(versions.objetosDaIntegracao).toEqual({
      instalada: TARGET_VERSION,
      desteAplicativo: TARGET_VERSION,
    });
    expect(JSON.parse(text('pre-requisitos.json')).checks[0]).toMatchObject({
      id: 'connection',
      status: 'ok',
    });
    expect(JSON.parse(text('motor.json')).estado.engine.state).toBeDefined();
    // Which engine holds this WinThor database (ADR 0310): this one, by its machine and data folder.
    expect(JSON.parse(text('motor.json')).integradorAtivoNesteBanco).toMatchObject({
      livre: false,
      esteIntegrador: true,
      maquina: hostname(),
      pastaDeDados: dir,
      processo: process.pid,
      versao: runtime.info.version,
      tipo: 'headless',
      expirado: false,
    });
  });

  it('still gives a package when the database cannot be reached, saying why in each part', async () => {
    runtime.settings.update({ database: { kind: 'oracle' } });
    const result = await runtime.api.invoke('system.diagnostics', {});
    const files = await unzipToMap(Buffer.from(result.contentBase64, 'base64'));
    const logs = JSON.parse(files.get('logs-do-banco.json')!.toString('utf8'));
    expect(logs.erro).toMatchObject({ code: 'db_unreachable' });
    const versions = JSON.parse(files.get('versoes.json')!.toString('utf8'));
    expect(versions.objetosDaIntegracao.erro.code).toBe('db_unreachable');
    expect(JSON.parse(files.get('pre-requisitos.json')!.toString('utf8')).checks[0]).toMatchObject({
      id: 'connection',
      status: 'error',
    });
    expect(files.get('configuracoes.json')!.toString('utf8')).not.toContain(SECRETS.oraclePassword);
  });
});
