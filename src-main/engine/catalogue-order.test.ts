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
  it('products changed before their categories reach the store wait quietly (no pendência), then go', async () => {
    h = await startCatalogueHarness();
    await h.db.execute(
      `UPDATE PCPRODUT SET NOMEECOMMERCE = NOMEECOMMERCE || ' X' WHERE PCPRODUT.CODPROD <= 30`,
    );
    const early = await h.run('products');
    expect(early.counts.deferred).toBeGreaterThan(0);
    expect(early.counts.storeCalls).toBe(0);
    expect(await openPendings(h)).toBe(0);
    await h.run('categories');
    const later = await h.run('products');
    expect(later.counts.sent).toBe(early.counts.deferred);
    expect(await openPendings(h)).toBe(0);
  });

  it('two branches of one store starting their catalogue at once create each department once', async () => {
    h = await startCatalogueHarness({ branches: ['1', '2'] });
    const [one, two] = await Promise.all([h.run('categories', '1'), h.run('categories', '2')]);
    expect(one.counts.failed + two.counts.failed).toBe(0);
    const erpIds = [...h.sandbox.catalog.departments.values()].map((d) => d.erpId);
    expect(new Set(erpIds).size).toBe(erpIds.length);
    expect(one.counts.sent + two.counts.sent).toBe(erpIds.length);
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
});
