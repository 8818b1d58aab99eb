import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { captureCli } from '../run-cli.test-support';
import { RUN_ORDER } from './sync';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-cli-sync-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const withDemoDb = async <T>(work: (db: SqliteDb) => Promise<T>): Promise<T> => {
  const db = new SqliteDb({ file: join(dir, 'winthor-demo.sqlite') });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
};

interface JsonRun {
  branch: string;
  job: string;
  runId: number | null;
  status: string;
  counts: Record<string, number>;
  message: string | null;
}

const seed = async (products = 30) =>
  expect(
    (await captureCli(['--data-dir', dir, 'db', 'seed-demo', '--products', String(products)])).code,
  ).toBe(0);

describe('integrador sync', () => {
  it('--demo runs every scheduled job of both branches once, in priority order, and prints the counts with store calls; after a restart the demo store still has everything: a second sync makes zero store calls', async () => {
    await seed();
    // The catalogue jobs by name: the order jobs of the demo leave pendências on purpose (unmapped codes).
    const catalogue = ['stock', 'prices', 'categories', 'products', 'reconcile'];
    const first = await captureCli(['--data-dir', dir, 'sync', ...catalogue, '--demo']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('Sincronização — banco de demonstração');
    expect(first.out).toMatch(/Filial\s+Tarefa\s+Execução\s+Situação\s+Lidos\s+Alterados\s+Enviados/);
    expect(first.out).toContain('Chamadas à loja');
    expect(first.out).toContain('Todas as execuções terminaram bem.');
    const order = [...first.out.matchAll(/^1\s+(Estoque|Preços|Categorias|Produtos|Reconciliação)\s/gm)].map(
      (m) => m[1],
    );
    expect(order).toEqual(['Estoque', 'Preços', 'Categorias', 'Produtos', 'Reconciliação']);
    expect(first.err).toContain('Filial 2 · Reconciliação: ok');
    // The demo store kept what it received, in the demo folder.
    const saved = JSON.parse(readFileSync(join(dir, 'loja-sandbox.json'), 'utf8')) as {
      catalog: { products: unknown[]; departments: unknown[] };
    };
    expect(saved.catalog.products.length).toBeGreaterThan(0);
    const bound = await withDemoDb(async (db) =>
      Number(
        (await db.queryOne(
          `SELECT COUNT(*) AS N FROM WTC_STORE_BINDING WHERE WTC_STORE_BINDING.ENTITY = 'product'`,
        ))!.N,
      ),
    );
    expect(bound).toBe(saved.catalog.products.length);

    // A new process: the sandbox restarts from its file on the same port, so the bindings still hold.
    const second = await captureCli(['--json', '--data-dir', dir, 'sync', ...catalogue, '--demo']);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.out) as {
      ok: boolean;
      exitCode: number;
      runs: JsonRun[];
      totals: Record<string, number>;
    };
    expect(report).toMatchObject({ ok: true, exitCode: 0 });
    expect(report.runs.map((r) => `${r.branch}:${r.job}`)).toEqual(
      ['1', '2'].flatMap((b) =>
        ['stock', 'prices', 'categories', 'products', 'reconcile'].map((job) => `${b}:${job}`),
      ),
    );
    expect(report.runs.every((r) => r.status === 'ok' && typeof r.runId === 'number')).toBe(true);
    expect(report.totals.storeCalls).toBe(0);
    expect(report.totals.unchanged).toBeGreaterThan(0);
    expect(second.err).toBe('');
  }, 90_000);

  it('--preview prints what the first sync would send, without a store call; named tasks and --branch', async () => {
    await seed();
    const preview = await captureCli([
      '--json',
      '--data-dir',
      dir,
      'sync',
      '--demo',
      '--preview',
      '--branch',
      '1',
    ]);
    expect(preview.code).toBe(0);
    const { previews } = JSON.parse(preview.out) as {
      previews: Array<{
        branch: string;
        storeCalls: number;
        actions: Array<{ entity: string; action: string }>;
      }>;
    };
    expect(previews.map((p) => p.branch)).toEqual(['1']);
    expect(previews[0]!.storeCalls).toBeGreaterThan(0);
    expect(previews[0]!.actions).toContainEqual(
      expect.objectContaining({ entity: 'products', action: 'create' }),
    );
    const human = await captureCli(['--data-dir', dir, 'sync', '--demo', '--preview']);
    expect(human.out).toContain('Prévia da sincronização (nenhuma chamada à loja)');
    expect(human.out).toMatch(/Produtos\s+criar\s+\d+/);
    expect(human.out).toContain('Filial 2');
    // Nothing was sent, nothing recorded.
    const saved = JSON.parse(readFileSync(join(dir, 'loja-sandbox.json'), 'utf8')) as {
      catalog: { products: unknown[] };
    };
    expect(saved.catalog.products).toEqual([]);

    const named = await captureCli([
      '--json',
      '--data-dir',
      dir,
      'sync',
      'categories',
      '--branch',
      '2',
      '--demo',
    ]);
    expect(named.code).toBe(0);
    const runs = (JSON.parse(named.out) as { runs: JsonRun[] }).runs;
    expect(runs).toEqual([expect.objectContaining({ branch: '2', job: 'categories', status: 'ok' })]);
    expect(runs[0]!.counts.storeCalls).toBeGreaterThan(0);
  }, 90_000);

  it('exit 7 when a run ends with items left as pendências; exit 2 for a branch that is not configured', async () => {
    await seed();
    // A published product loses its price: it cannot be created in the store (a pendência).
    await withDemoDb(async (db) => {
      const row = await db.queryOne<{ CODPROD: number }>(
        `SELECT MIN(PCPRODUT.CODPROD) AS CODPROD FROM PCPRODUT WHERE PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL`,
      );
      await db.execute(`UPDATE PCTABPR SET PVENDA1 = NULL WHERE PCTABPR.CODPROD = :p`, { p: row!.CODPROD });
    });
    const partial = await captureCli([
      '--data-dir',
      dir,
      'sync',
      'categories',
      'reconcile',
      '--branch',
      '1',
      '--demo',
    ]);
    expect(partial.code).toBe(7);
    expect(partial.out).toMatch(/^1\s+Reconciliação\s+\d+\s+parcial/m);
    expect(partial.out).toContain('código de saída 7');
    expect(partial.err).toContain('Sincronização concluída com itens para depois.');

    const unavailable = await captureCli([
      '--json',
      '--data-dir',
      dir,
      'sync',
      'stock',
      '--branch',
      '9',
      '--demo',
    ]);
    expect(unavailable.code).toBe(2);
    expect(unavailable.out + unavailable.err).toContain('Filial 9');
  }, 90_000);

  it('usage errors exit 2 in pt-BR; with nothing configured there is nothing to run (exit 1)', async () => {
    const unknown = await captureCli(['--data-dir', dir, 'sync', 'pedidos']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      `Tarefa desconhecida: pedidos. Use uma ou mais de: ${RUN_ORDER.join(', ')}`,
    );
    const previewWithJobs = await captureCli(['--data-dir', dir, 'sync', 'stock', '--preview']);
    expect(previewWithJobs.code).toBe(2);
    expect(previewWithJobs.err).toContain('não informe tarefas junto com --preview');

    const nothing = await captureCli(['--json', '--data-dir', dir, 'sync']);
    expect(nothing.code).toBe(1);
    expect(JSON.parse(nothing.out)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Nada a executar') },
    });
    expect(existsSync(join(dir, 'loja-sandbox.json'))).toBe(false); // no demo without --demo

    await seed(10);
    const branch = await captureCli(['--data-dir', dir, 'sync', '--demo', '--branch', '9']);
    expect(branch.code).toBe(2);
    expect(branch.err).toContain('Filial 9 não está configurada. Filiais configuradas: 1, 2.');
  }, 60_000);

  it('runs in the store budget priority order, categories just before products', () => {
    expect(RUN_ORDER).toEqual([
      'orders',
      'orderStatus',
      'customers',
      'stock',
      'prices',
      'categories',
      'products',
      'reconcile',
    ]);
  });
});
