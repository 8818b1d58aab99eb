import { afterEach, describe, expect, it } from 'vitest';
import { startCatalogueHarness, type CatalogueHarness } from './catalogue-harness.test-support';

let h: CatalogueHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const openPendings = async (harness: CatalogueHarness): Promise<number> =>
  Number(
    (await harness.db.queryOne(`SELECT COUNT(*) AS N FROM WTC_PENDING WHERE WTC_PENDING.STATUS = 'open'`))!.N,
  );

describe('order of work on a fresh store', () => {
  it('products whose category is not in the store yet take it along in the same run, with no pendência', async () => {
    h = await startCatalogueHarness();
    await h.db.execute(
      `UPDATE PCPRODUT SET NOMEECOMMERCE = NOMEECOMMERCE || ' X' WHERE PCPRODUT.CODPROD <= 30`,
    );
    const run = await h.run('products');
    expect(run.status).toBe('ok');
    expect(run.counts.deferred).toBe(0);
    expect(h.sandbox.counts()['POST departments']).toBeGreaterThan(0);
    expect(h.sandbox.counts()['POST products']).toBe(
      run.counts.sent! - h.sandbox.counts()['POST departments']!,
    );
    expect(await openPendings(h)).toBe(0);
    const queued = await h.db.queryOne(`SELECT COUNT(*) AS N FROM WTC_CHANGE_QUEUE`);
    expect(Number(queued!.N)).toBe(0);
  });

  it('branch 2 of a store sends its own stock and price for a product branch 1 created', async () => {
    h = await startCatalogueHarness({ branches: ['1', '2'] });
    await h.db.execute(
      `UPDATE PCPRODUT SET NOMEECOMMERCE = NOMEECOMMERCE || ' Y' WHERE PCPRODUT.CODPROD = 1`,
    );
    await h.db.execute(
      `UPDATE PCEST SET QTESTGER = 77, QTRESERV = 0, QTBLOQUEADA = 0 WHERE PCEST.CODPROD = 1`,
    );
    await h.run('stock', '2'); // before any product run: the product is not in the store yet
    await h.run('products', '1');
    await h.run('products', '2');
    expect(h.sandbox.catalog.stock.get('1|2')).toBe(61); // 77 × 80 % (parameter 2829 of branch 2), rounded down
    expect(h.sandbox.catalog.prices.get('1|2')?.price).toBeGreaterThan(0);
  });

  it('two branches of one store starting their catalogue at once create each department once', async () => {
    h = await startCatalogueHarness({ branches: ['1', '2'] });
    const [one, two] = await Promise.all([h.run('categories', '1'), h.run('categories', '2')]);
    expect((one.counts.failed ?? 0) + (two.counts.failed ?? 0)).toBe(0);
    const erpIds = [...h.sandbox.catalog.departments.values()].map((d) => d.erpId);
    expect(new Set(erpIds).size).toBe(erpIds.length);
    expect((one.counts.sent ?? 0) + (two.counts.sent ?? 0)).toBe(erpIds.length);
  });

  it('a department the store already has (409 on create) is adopted, not a failure', async () => {
    h = await startCatalogueHarness();
    const existing = h.sandbox.catalog.createDepartment({
      name: 'ALIMENTOS (antigo)',
      description: '',
      sortOrder: 0,
      visible: true,
      erpId: '1',
    });
    const run = await h.run('categories');
    expect(run.counts.failed).toBe(0);
    expect(h.sandbox.catalog.departments.get(existing.id)!.name).not.toBe('ALIMENTOS (antigo)');
    const binding = await h.db.queryOne(
      `SELECT WTC_STORE_BINDING.STORE_ID FROM WTC_STORE_BINDING WHERE WTC_STORE_BINDING.ENTITY = 'category' AND WTC_STORE_BINDING.ERP_KEY = '1'`,
    );
    expect(Number(binding!.STORE_ID)).toBe(existing.id);
    expect((await h.run('categories')).counts.storeCalls).toBe(0);
  });

  it('a product the store already has (409 on create: the tables were reinstalled) is adopted and updated, not a pendência', async () => {
    h = await startCatalogueHarness();
    await h.run('categories');
    const existing = h.sandbox.catalog.createProduct({
      erpId: '1',
      name: 'Produto antigo',
      variants: [{ erpId: '1', quantity: 0, price: 1 }],
    });
    await h.db.execute(
      `UPDATE PCPRODUT SET NOMEECOMMERCE = NOMEECOMMERCE || ' Z' WHERE PCPRODUT.CODPROD <= 3`,
    );
    const run = await h.run('products');
    expect(run.counts.failed).toBe(0);
    expect(h.sandbox.catalog.products.get(existing.id)!.name).not.toBe('Produto antigo');
    expect(h.sandbox.catalog.products.size).toBe(run.counts.sent);
    const binding = await h.db.queryOne(
      `SELECT WTC_STORE_BINDING.STORE_ID FROM WTC_STORE_BINDING WHERE WTC_STORE_BINDING.ENTITY = 'product' AND WTC_STORE_BINDING.ERP_KEY = '1'`,
    );
    expect(Number(binding!.STORE_ID)).toBe(existing.id);
    expect(await openPendings(h)).toBe(0);
    expect((await h.run('products')).counts.storeCalls).toBe(0);
  });
});
