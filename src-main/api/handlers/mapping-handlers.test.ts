import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { Branch, type MappingKind } from '../../contract';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { startStoreSandbox, type StoreSandbox } from '../../sandbox/store/store-sandbox';
import { AppError } from '../../shared/app-error';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { prepareDemoDatabase } from '../../winthor/demo/demo-database';

/** The mapping screens' methods on the embedded WinThor and the store sandbox, through the real runtime. */
let dir: string;
let dbFile: string;
let sandbox: StoreSandbox;
let runtime: Runtime;

const row = (storeCode: string, winthorCode: string, description = '') => ({
  storeCode,
  winthorCode,
  description,
});

const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const storeGets = () => sandbox.counts()['GET orders'] ?? 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mapping-handlers-'));
  dbFile = join(dir, 'winthor.sqlite');
  await prepareDemoDatabase(dbFile, { products: 20, installSchema: false });
  // A blocked carrier, to see it flagged.
  const db = new SqliteDb({ file: dbFile });
  await db.execute(`UPDATE PCFORNEC SET BLOQUEIO = 'S' WHERE PCFORNEC.CODFORNEC = 11`);
  await db.close();
  sandbox = await startStoreSandbox({ orders: 300, budgetPerHour: 0, seed: 11 });
}, 60_000);
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  const settingsDir = mkdtempSync(join(dir, 'settings-'));
  runtime = createRuntime({
    host: 'headless',
    settings: openHeadlessSettings(settingsDir),
    dataDir: settingsDir,
    engine: false,
  });
  runtime.settings.update({
    database: { kind: 'embedded', embedded: { file: dbFile } },
    branches: [
      Branch.parse({ code: '1', name: 'Matriz', store: { url: sandbox.url, token: sandbox.token } }),
      Branch.parse({ code: '2', name: 'Sem loja' }),
    ],
  });
  sandbox.resetInspection();
});
afterEach(async () => {
  await runtime.close();
});

describe('mappings.winthorCodes: WinThor’s own lists', () => {
  it('lists billing types (PCCOB), plans (PCPLPAG) with instalments and days, and carriers (PCFORNEC)', async () => {
    const billing = await runtime.api.invoke('mappings.winthorCodes', { kind: 'billing' });
    expect(billing.table).toBe('PCCOB');
    expect(billing.codes.map((c) => c.code)).toEqual(['BK', 'CART', 'D', 'DEB', 'PIX']);
    expect(billing.codes.find((c) => c.code === 'CART')?.description).toBe('CARTAO DE CREDITO');

    const plans = await runtime.api.invoke('mappings.winthorCodes', { kind: 'plans' });
    expect(plans.codes.find((c) => c.code === '3')).toMatchObject({
      description: '3X SEM JUROS',
      installments: 3,
      days: 30,
    });

    const carriers = await runtime.api.invoke('mappings.winthorCodes', { kind: 'carriers' });
    expect(carriers.table).toBe('PCFORNEC');
    // Suppliers 1–8 are not carriers; 12 is deleted; 11 is blocked and flagged, not hidden.
    expect(carriers.codes.map((c) => [c.code, c.blocked])).toEqual([
      ['9', false],
      ['10', false],
      ['11', true],
    ]);
    expect(carriers.codes[0]?.description).toBe('TRANSPORTADORA RAPIDA SUL');
    expect(carriers.codes[0]?.document).toMatch(/^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/);
  });

  it('a database that cannot be opened is a pt-BR error naming the list', async () => {
    runtime.settings.update({ database: { kind: 'embedded', embedded: { file: '' } } });
    const error = await refusal(runtime.api.invoke('mappings.winthorCodes', { kind: 'plans' }));
    expect(error.message).toContain(
      'Não foi possível ler a lista de plano de pagamento do WinThor (PCPLPAG)',
    );
    expect(error.field).toBe('database.embedded.file');
  });
});

describe('mappings.storeCodes: the codes the store’s orders carry', () => {
  it('samples the waiting orders in at most 2 calls, then answers from the cache', async () => {
    const billing = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'billing' });
    expect(billing.source).toBe('store');
    expect(billing.orders).toBe(200);
    expect(billing.codes.map((c) => c.code).sort()).toEqual(['Boleto', 'CreditCard', 'DebitCard', 'Pix']);
    expect(billing.codes.every((c) => !c.mapped && c.count > 0 && c.lastSeenAt)).toBe(true);
    expect(billing.codes.reduce((sum, c) => sum + c.count, 0)).toBe(200);
    expect(storeGets()).toBe(2);
    const requests = sandbox.received.filter((r) => r.path.startsWith('orders'));
    expect(requests.map((r) => r.query)).toEqual([
      expect.stringContaining('statusProcessed=false'),
      expect.stringContaining('page=2'),
    ]);

    const carriers = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'carriers' });
    expect(carriers.codes.map((c) => `${c.code} ${c.name}`).sort()).toEqual([
      '1 Correios PAC',
      '2 Correios SEDEX',
      '3 Jadlog Package',
      '4 Retirada na loja',
    ]);
    const plans = await runtime.api.invoke('mappings.storeCodes', {
      branch: '1',
      kind: 'plans',
      refresh: true,
    });
    expect(plans.codes.map((c) => c.code)).toContain('1');
    expect(storeGets()).toBe(2);
  });

  it('a mapping just saved clears its warning without another store call', async () => {
    await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'billing' });
    const before = storeGets();
    await runtime.api.invoke('mappings.save', {
      branch: '1',
      kind: 'billing',
      rows: [row('pix', 'PIX')],
    });
    const after = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'billing' });
    expect(after.codes.find((c) => c.code === 'Pix')?.mapped).toBe(true);
    expect(after.codes.filter((c) => !c.mapped).map((c) => c.code)).not.toContain('Pix');
    expect(storeGets()).toBe(before);
  });

  it('a branch without a store, or a store that refuses the token, gives a problem in words, not an error', async () => {
    const none = await runtime.api.invoke('mappings.storeCodes', { branch: '2', kind: 'billing' });
    expect(none).toMatchObject({ source: 'none', codes: [], orders: 0 });
    expect(none.problem).toContain('não tem a URL e o token da loja configurados');

    runtime.settings.update({
      branches: [Branch.parse({ code: '1', store: { url: sandbox.url, token: 'token-errado' } })],
    });
    const refused = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'carriers' });
    expect(refused.source).toBe('none');
    expect(refused.problem).toContain('A loja recusou o token de acesso');
    expect(refused.problem).toContain('Confira o token da loja');

    await expect(
      runtime.api.invoke('mappings.storeCodes', { branch: '9', kind: 'billing' }),
    ).rejects.toMatchObject({ code: 'unknown_branch', field: 'branch' });
  });
});

describe('mappings.save', () => {
  const saved = (kind: MappingKind, branch = '1') =>
    runtime.settings.get().branches.find((b) => b.code === branch)?.mappings[kind];

  it('saves one kind of one branch, keeps the token, the other kinds and branches, and canonical codes', async () => {
    await runtime.api.invoke('mappings.save', {
      branch: '2',
      kind: 'billing',
      rows: [row('Boleto', 'BK')],
    });
    const result = await runtime.api.invoke('mappings.save', {
      branch: '1',
      kind: 'plans',
      rows: [row(' 3 ', '03', '3x cartão'), row('Boleto:1', '2')],
    });
    expect(result.rows).toEqual([row('3', '3', '3x cartão'), row('Boleto:1', '2')]);
    expect(saved('plans')).toEqual(result.rows);
    expect(saved('billing', '2')).toEqual([row('Boleto', 'BK')]);
    expect(saved('billing')).toEqual([]);
    expect(runtime.settings.get().branches[0]?.store.token).toBe(sandbox.token);

    await runtime.api.invoke('mappings.save', {
      branch: '1',
      kind: 'carriers',
      rows: [row('1', '9', 'Correios PAC'), row('Retirada na loja', '11')],
    });
    expect(saved('carriers')).toHaveLength(2);
    expect(saved('plans')).toEqual(result.rows);
  });

  it('a change made on a list that was changed in another window meanwhile is refused; nothing is lost', async () => {
    const first = [row('Boleto', 'BK'), row('Pix', 'PIX')];
    await runtime.api.invoke('mappings.save', { branch: '1', kind: 'billing', rows: first });
    // Window B removes Boleto; window A, still showing both, edits row 2 (Pix) — by position, row 1 now.
    await runtime.api.invoke('mappings.save', {
      branch: '1',
      kind: 'billing',
      rows: [row('Pix', 'PIX')],
      expected: first,
    });
    const error = await refusal(
      runtime.api.invoke('mappings.save', {
        branch: '1',
        kind: 'billing',
        rows: [row('Boleto', 'BK'), row('Pix', 'D')],
        expected: first,
      }),
    );
    expect(error.code).toBe('mappings_changed');
    expect(error.message).toBe(
      'Os mapeamentos de cobrança da filial 1 foram alterados em outra janela depois que esta tela os leu; nada foi salvo.',
    );
    expect(error.fix).toContain('refaça a alteração');
    expect(saved('billing')).toEqual([row('Pix', 'PIX')]);
    // Made on the list as it is now, it is saved.
    await runtime.api.invoke('mappings.save', {
      branch: '1',
      kind: 'billing',
      rows: [row('Pix', 'D')],
      expected: [row('Pix', 'PIX')],
    });
    expect(saved('billing')).toEqual([row('Pix', 'D')]);
  });

  it('refuses a duplicate store code and a code WinThor does not have, naming the field; nothing is saved', async () => {
    await runtime.api.invoke('mappings.save', { branch: '1', kind: 'billing', rows: [row('Pix', 'PIX')] });
    const duplicate = await refusal(
      runtime.api.invoke('mappings.save', {
        branch: '1',
        kind: 'billing',
        rows: [row('Pix', 'PIX'), row('PIX ', 'CART')],
      }),
    );
    expect(duplicate).toMatchObject({ code: 'duplicate_store_code', field: 'rows.1.storeCode' });
    const unknown = await refusal(
      runtime.api.invoke('mappings.save', {
        branch: '1',
        kind: 'billing',
        rows: [row('Pix', 'PIX'), row('CreditCard', 'VISA')],
      }),
    );
    expect(unknown).toMatchObject({ code: 'unknown_winthor_code', field: 'rows.1.winthorCode' });
    expect(unknown.message).toBe('Código no WinThor: cobrança "VISA" não existe no WinThor (PCCOB).');
    const deletedCarrier = await refusal(
      runtime.api.invoke('mappings.save', { branch: '1', kind: 'carriers', rows: [row('1', '12')] }),
    );
    expect(deletedCarrier.message).toContain('transportadora "12" não existe no WinThor (PCFORNEC)');
    const empty = await refusal(
      runtime.api.invoke('mappings.save', { branch: '1', kind: 'billing', rows: [row(' ', 'PIX')] }),
    );
    expect(empty.message).toContain('Código na loja: informe o código como aparece nos pedidos.');
    expect(empty.field).toBe('rows.0.storeCode');
    expect(saved('billing')).toEqual([row('Pix', 'PIX')]);
    expect(saved('carriers')).toEqual([]);
  });

  it('removes a row with the database down; adding one then says the list cannot be read', async () => {
    await runtime.api.invoke('mappings.save', {
      branch: '1',
      kind: 'billing',
      rows: [row('Pix', 'PIX'), row('Boleto', 'BK')],
    });
    runtime.settings.update({ database: { kind: 'embedded', embedded: { file: '' } } });
    await runtime.api.invoke('mappings.save', { branch: '1', kind: 'billing', rows: [row('Boleto', 'BK')] });
    expect(saved('billing')).toEqual([row('Boleto', 'BK')]);
    const error = await refusal(
      runtime.api.invoke('mappings.save', {
        branch: '1',
        kind: 'billing',
        rows: [row('Boleto', 'BK'), row('Pix', 'PIX')],
      }),
    );
    expect(error.message).toContain('Não foi possível ler a lista de cobrança do WinThor (PCCOB)');
    expect(saved('billing')).toEqual([row('Boleto', 'BK')]);
  });

  it('an unknown branch is refused with the fix', async () => {
    await expect(
      runtime.api.invoke('mappings.save', { branch: '7', kind: 'billing', rows: [] }),
    ).rejects.toMatchObject({ code: 'unknown_branch', field: 'branch' });
  });
});
