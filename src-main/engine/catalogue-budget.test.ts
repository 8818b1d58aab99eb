import { afterEach, describe, expect, it } from 'vitest';
import { startCatalogueHarness, type CatalogueHarness } from './catalogue-harness.test-support';

let h: CatalogueHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const count = async (harness: CatalogueHarness, sql: string): Promise<number> =>
  Number((await harness.db.queryOne(sql))!.N);

describe('the store budget, the preview and branches sharing a store', () => {
  it('a job starved of budget stops, says so, and leaves the rest for later; orders keep their calls', async () => {
    h = await startCatalogueHarness({ sandbox: { budgetPerHour: 100 } });
    const run = await h.run('reconcile');
    expect(run.status).toBe('partial');
    expect(run.counts.starved).toBeGreaterThan(0);
    expect(run.message).toContain('limite de chamadas da loja está reservado');
    // The reconcile keeps 25% of the hour for the jobs above it.
    expect(h.sandbox.budget()!.remaining).toBeGreaterThanOrEqual(25);
    const lines = await h.db.query(
      `SELECT WTC_LOG.MESSAGE FROM WTC_LOG WHERE WTC_LOG.RUN_ID = :id ORDER BY WTC_LOG.ID`,
      { id: run.id },
    );
    expect(lines.map((l) => String(l.MESSAGE)).join('\n')).toMatch(/sem orçamento [1-9]/);
  });

  it('the preview shows what the first sync would send, and sends nothing and writes nothing', async () => {
    h = await startCatalogueHarness();
    const preview = await h.engine.preview('1');
    expect(h.sandbox.totalCalls()).toBe(0);
    expect(await count(h, 'SELECT COUNT(*) AS N FROM WTC_STORE_BINDING')).toBe(0);
    expect(await count(h, 'SELECT COUNT(*) AS N FROM WTC_PENDING')).toBe(0);
    const of = (entity: string, action: string) =>
      preview.actions.find((a) => a.entity === entity && a.action === action)?.count ?? 0;
    const real = await h.run('reconcile');
    expect(of('categories', 'create') + of('products', 'create')).toBe(real.counts.sent);
    expect(preview.storeCalls).toBe(real.counts.storeCalls);
    expect(preview.estimatedMinutes).toBe(Math.ceil((preview.storeCalls / 1000) * 60));
    expect(preview.samples.some((s) => s.entity === 'products' && s.action === 'create')).toBe(true);
    const after = await h.engine.preview('1');
    expect(after.storeCalls).toBe(0);
    expect(after.actions).toEqual([expect.objectContaining({ entity: 'all', action: 'unchanged' })]);
  });

  it('two branches in one store share its catalogue: each product is created once; each sends its own stock', async () => {
    h = await startCatalogueHarness({ branches: ['1', '2'] });
    await h.run('reconcile', '1');
    const created = h.sandbox.counts()['POST products'] ?? 0;
    const second = await h.run('reconcile', '2');
    expect(h.sandbox.counts()['POST products'] ?? 0).toBe(created);
    expect(second.counts.failed).toBe(0);
    // Branch 2 sends stock to its warehouse and prices to its table: products it did not create.
    expect(h.sandbox.catalog.stock.size).toBeGreaterThan(0);
    expect([...h.sandbox.catalog.stock.keys()].every((key) => key.endsWith('|2'))).toBe(true);
    // A stock change of branch 2 is seen by branch 2 only; a product change by both (once in the store).
    const [row] = await h.db.query(
      `SELECT PCEST.CODPROD FROM PCEST JOIN PCPRODUT ON PCPRODUT.CODPROD = PCEST.CODPROD
        WHERE PCEST.CODFILIAL = '2' AND PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL
        ORDER BY PCEST.CODPROD`,
    );
    await h.db.execute(
      `UPDATE PCEST SET QTESTGER = QTESTGER + 5 WHERE PCEST.CODFILIAL = '2' AND PCEST.CODPROD = :p`,
      {
        p: Number(row!.CODPROD),
      },
    );
    expect((await h.run('stock', '1')).counts.read).toBe(0);
    expect((await h.run('stock', '2')).counts.sent).toBe(1);
    await h.db.execute(`UPDATE PCPRODUT SET NOMEECOMMERCE = 'Novo nome' WHERE PCPRODUT.CODPROD = :p`, {
      p: Number(row!.CODPROD),
    });
    expect((await h.run('products', '1')).counts.sent).toBe(1);
    // Branch 2 sees the product as the store has it; its own stock and price were sent already: no call.
    expect((await h.run('products', '2')).counts).toMatchObject({ sent: 0, changed: 0, storeCalls: 0 });
  });

  it('refuses two branches writing the same warehouse of one store, with the fix', async () => {
    h = await startCatalogueHarness({ branches: ['1', '2'] });
    h.settings.branches[1]!.stock.warehouseErpId = '1';
    const result = await h.engine.run({ branch: '2', job: 'stock' }, 'manual');
    expect(result.refused[0]?.message).toBe(
      'Filiais 2 e 1 vendem na mesma loja e enviam estoque para o mesmo depósito (1).',
    );
  });
});
