import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { listIntegrationObjects } from '../../winthor/schema/installer';
import { TARGET_VERSION } from '../../winthor/schema/migrations';
import { READ_TABLES } from '../../winthor/prerequisites';
import { Branch } from '../../contract';
import { openHeadlessSettings } from '../../config/headless-settings';
import { captureCli } from '../run-cli.test-support';

const capture = captureCli;

describe('integrador db …', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-cli-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const objects = async () => {
    const db = new SqliteDb({ file: join(dir, 'winthor-demo.sqlite') });
    try {
      return await listIntegrationObjects(db);
    } finally {
      await db.close();
    }
  };

  it('check --demo reports every prerequisite in pt-BR and exits 0', async () => {
    const { code, out } = await capture(['--data-dir', dir, 'db', 'check', '--demo']);
    expect(code).toBe(0);
    expect(out).toContain(`[ok]   Leitura das tabelas do WinThor: ${READ_TABLES.length} tabelas acessíveis.`);
    expect(out).toContain('[ok]   Parâmetro 2829 — % do estoque para o e-commerce (filial 2): 80%');
    expect(out).toContain('[aviso] Tabelas, sequences e triggers da integração: Não instaladas');
    const json = await capture(['--json', '--data-dir', dir, 'db', 'check', '--demo']);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      checks: expect.arrayContaining([expect.objectContaining({ id: 'connection', status: 'ok' })]),
    });
  });

  it('check with a failing prerequisite exits 1 and, with --json, prints exactly one JSON document', async () => {
    expect((await capture(['--data-dir', dir, 'db', 'seed-demo', '--products', '50'])).code).toBe(0);
    openHeadlessSettings(dir).update({
      database: { kind: 'embedded', embedded: { file: join(dir, 'winthor-demo.sqlite') } },
      branches: [Branch.parse({ code: '9', name: 'Filial inexistente' })],
    });
    const human = await capture(['--data-dir', dir, 'db', 'check']);
    expect(human.code).toBe(1);
    expect(human.out).toContain('[ERRO] Filial 9');
    expect(human.err).toMatch(/pré-requisito\(s\) com erro/);
    const json = await capture(['--json', '--data-dir', dir, 'db', 'check']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, checks: expect.any(Array) });
  });

  it('install --dry-run prints the exact script and changes nothing; install then is idempotent; uninstall removes all', async () => {
    const dry = await capture(['--json', '--data-dir', dir, 'db', 'install', '--demo', '--dry-run']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.out);
    expect(plan).toMatchObject({
      dryRun: true,
      dialect: 'sqlite',
      currentVersion: 0,
      targetVersion: TARGET_VERSION,
    });
    expect(plan.script).toContain('CREATE TABLE IF NOT EXISTS WTC_ORDER_IMPORT');
    expect(await objects()).toEqual([]);

    const first = await capture(['--data-dir', dir, 'db', 'install', '--demo']);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`versão 0 → ${TARGET_VERSION}`);
    const installed = await objects();
    expect(installed.length).toBeGreaterThan(20);
    const second = await capture(['--data-dir', dir, 'db', 'install', '--demo']);
    expect(second.out).toContain(`Nada a fazer: a versão ${TARGET_VERSION} já está instalada`);
    expect(await objects()).toEqual(installed);

    const dryUninstall = await capture(['--data-dir', dir, 'db', 'uninstall', '--demo', '--dry-run']);
    expect(dryUninstall.out).toContain('DROP TABLE IF EXISTS WTC_SCHEMA_VERSION;');
    expect(await objects()).toEqual(installed);
    const removed = await capture(['--data-dir', dir, 'db', 'uninstall', '--demo']);
    expect(removed.code).toBe(0);
    expect(await objects()).toEqual([]);
  });

  it('prints the Oracle script without a connection with --dialect oracle', async () => {
    const { code, out } = await capture(['db', 'install', '--dry-run', '--dialect', 'oracle']);
    expect(code).toBe(0);
    expect(out).toContain(
      'CREATE OR REPLACE TRIGGER WTC_TRG_PCEST\nAFTER INSERT OR DELETE OR UPDATE OF QTESTGER, QTRESERV, QTBLOQUEADA, QTPENDENTE ON PCEST',
    );
    const bad = await capture(['db', 'install', '--dialect', 'oracle']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--dialect só vale com --dry-run');
  });

  it('with --grant-to, the offline Oracle script grants the integrator user access to every object', async () => {
    const { code, out } = await capture([
      'db',
      'install',
      '--dry-run',
      '--dialect',
      'oracle',
      '--grant-to',
      'INTEGRA',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('GRANT SELECT, INSERT, UPDATE, DELETE ON WTC_CHANGE_QUEUE TO INTEGRA');
    expect(out).toContain('GRANT SELECT ON WTC_CHANGE_QUEUE_SEQ TO INTEGRA');
    const plain = await capture(['db', 'install', '--dry-run', '--dialect', 'oracle']);
    expect(plain.out).not.toContain('GRANT');
    const sqlite = await capture(['db', 'install', '--dry-run', '--dialect', 'sqlite', '--grant-to', 'X']);
    expect(sqlite.code).toBe(2);
    expect(sqlite.err).toContain('--grant-to só vale com --dry-run --dialect oracle');
  });

  it('seed-demo creates the demo database once, with the product count asked', async () => {
    const seeded = await capture(['--json', '--data-dir', dir, 'db', 'seed-demo', '--products', '50']);
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.out)).toMatchObject({
      ok: true,
      products: 50,
      branches: ['1', '2'],
      schemaVersion: TARGET_VERSION,
    });
    const again = await capture(['--data-dir', dir, 'db', 'seed-demo']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('já existe');
    const reset = await capture(['--data-dir', dir, 'db', 'seed-demo', '--reset', '--products', '30']);
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('30 produtos');
    const invalid = await capture(['--data-dir', dir, 'db', 'seed-demo', '--reset', '--products', 'muitos']);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('--products: informe um número inteiro');
  });

  it('check without --demo on an unconfigured Oracle fails with one clear message, as the UI reports it', async () => {
    const { code, out, err } = await capture(['--data-dir', dir, 'db', 'check']);
    expect(code).toBe(1);
    expect(out).toBe(
      'Pré-requisitos do WinThor — Oracle (string de conexão não informada)\n' +
        '[ERRO] Conexão com o banco de dados: Banco Oracle: informe a string de conexão.\n' +
        '         Como resolver: Preencha Banco de Dados › Conexão (string de conexão no formato servidor:1521/SERVICO, usuário e senha).\n',
    );
    expect(err).toBe('Erro: 1 pré-requisito(s) com erro.\n');
    const json = await capture(['--json', '--data-dir', dir, 'db', 'check']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({
      ok: false,
      checks: [
        {
          id: 'connection',
          label: 'Conexão com o banco de dados',
          status: 'error',
          detail: 'Banco Oracle: informe a string de conexão.',
          fix: expect.stringContaining('Preencha Banco de Dados › Conexão'),
        },
      ],
    });
  });

  it('install without --demo on an unconfigured Oracle fails with the message and the fix', async () => {
    const { code, out, err } = await capture(['--data-dir', dir, 'db', 'install']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'Erro: Banco Oracle: informe a string de conexão.\nPreencha Banco de Dados › Conexão (string de conexão no formato servidor:1521/SERVICO, usuário e senha).\n',
    );
  });
});
