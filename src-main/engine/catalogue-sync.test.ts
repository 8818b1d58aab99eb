import { afterEach, describe, expect, it } from 'vitest';
import { startCatalogueHarness, type CatalogueHarness } from './catalogue-harness.test-support';

let h: CatalogueHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Published products of the demo that can be sold: published, not deleted, with a price in region 1. */
const sellable = async (harness: CatalogueHarness): Promise<number[]> =>
  (
    await harness.db.query(
      `SELECT PCPRODUT.CODPROD FROM PCPRODUT JOIN PCTABPR ON PCTABPR.CODPROD = PCPRODUT.CODPROD AND PCTABPR.NUMREGIAO = 1
        WHERE PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL AND PCTABPR.PVENDA1 > 0
        ORDER BY PCPRODUT.CODPROD`,
    )
  ).map((row) => Number(row.CODPROD));

const publishedCategories = async (harness: CatalogueHarness): Promise<number> => {
  const count = async (sql: string) => Number((await harness.db.queryOne(sql))!.N);
  return (
    (await count(`SELECT COUNT(*) AS N FROM PCDEPTO WHERE PCDEPTO.ENVIAECOMMERCE = 'S'`)) +
    (await count(`SELECT COUNT(*) AS N FROM PCSECAO WHERE PCSECAO.ENVIAECOMMERCE = 'S'`)) +
    (await count(`SELECT COUNT(*) AS N FROM PCCATEGORIA WHERE PCCATEGORIA.ENVIAECOMMERCE = 'S'`))
  );
};

describe('catalogue sync on the embedded WinThor and the store sandbox', () => {
  it('the first full sync creates everything, one call per new product; a second run makes zero calls', async () => {
    h = await startCatalogueHarness();
    const products = await sellable(h);
    const categories = await publishedCategories(h);
    const first = await h.run('reconcile');
    expect(first.status).toBe('ok');
    const counts = h.sandbox.counts();
    expect(counts['POST departments']).toBe(categories);
    expect(counts['POST products']).toBe(products.length);
    // Price and stock went inside the create call: no separate call for a new product.
    expect(Object.keys(counts).filter((k) => k.includes('inventory') || k.includes('price'))).toEqual([]);
    expect(h.sandbox.totalCalls()).toBe(categories + products.length);
    expect(first.counts).toMatchObject({
      sent: categories + products.length,
      failed: 0,
      storeCalls: h.sandbox.totalCalls(),
    });
    // The store holds each product with its price (PVENDA1, region 1) and stock of branch 1.
    const row = await h.db.queryOne(
      `SELECT PCTABPR.PVENDA1, PCEST.QTESTGER, PCEST.QTRESERV, PCEST.QTBLOQUEADA FROM PCTABPR
         JOIN PCEST ON PCEST.CODPROD = PCTABPR.CODPROD AND PCEST.CODFILIAL = '1'
        WHERE PCTABPR.CODPROD = :p AND PCTABPR.NUMREGIAO = 1`,
      { p: products[0]! },
    );
    const stored = h.sandbox.catalog.findProductByErpId(String(products[0]))!;
    expect(stored.variants[0]!.price).toBe(Number(row!.PVENDA1));
    expect(stored.variants[0]!.quantity).toBe(
      Math.max(0, Number(row!.QTESTGER) - Number(row!.QTRESERV) - Number(row!.QTBLOQUEADA)),
    );
    expect(stored.mainDepartmentId).toBeTypeOf('number');

    h.sandbox.resetInspection();
    const before = h.sandbox.totalCalls();
    for (const job of ['reconcile', 'categories', 'products', 'prices', 'stock'] as const) {
      const again = await h.run(job);
      expect(again.status, job).toBe('ok');
      expect(again.counts.storeCalls, job).toBe(0);
    }
    expect(h.sandbox.totalCalls()).toBe(before);
  });

  it('1,000 stock changes on 300 products cost at most 300 calls; a change lost in the 2829 rounding costs none', async () => {
    h = await startCatalogueHarness({ products: 400 });
    await h.run('reconcile');
    const products = (await sellable(h)).slice(0, 300);
    h.sandbox.resetInspection();
    const start = h.sandbox.totalCalls();
    for (let i = 0; i < 1000; i++) {
      const codprod = products[i % products.length]!;
      await h.db.execute(
        `UPDATE PCEST SET QTESTGER = QTESTGER + 1 WHERE PCEST.CODFILIAL = '1' AND PCEST.CODPROD = :p`,
        {
          p: codprod,
        },
      );
    }
    const run = await h.run('stock');
    expect(run.status).toBe('ok');
    const calls = h.sandbox.totalCalls() - start;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(300);
    expect(calls).toBe(run.counts.sent);
    const queued = await h.db.queryOne(
      `SELECT COUNT(*) AS N FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.ENTITY = 'stock'`,
    );
    expect(Number(queued!.N)).toBe(0);

    // 2829 = 50%: 10 → 5 offered; 11 → floor(5.5) = 5: the value sent does not move, so no call.
    await h.db.execute(
      `UPDATE PCPARAMFILIAL SET VALOR = '50' WHERE PCPARAMFILIAL.NOME = 'PERCESTOQUECIASHOP'`,
    );
    const p = products[0]!;
    await h.db.execute(
      `UPDATE PCEST SET QTESTGER = 10, QTRESERV = 0, QTBLOQUEADA = 0, QTPENDENTE = 0 WHERE PCEST.CODFILIAL = '1' AND PCEST.CODPROD = :p`,
      { p },
    );
    await h.run('stock');
    expect(h.sandbox.catalog.findProductByErpId(String(p))!.variants[0]!.quantity).toBe(5);
    const beforeRounding = h.sandbox.totalCalls();
    await h.db.execute(`UPDATE PCEST SET QTESTGER = 11 WHERE PCEST.CODFILIAL = '1' AND PCEST.CODPROD = :p`, {
      p,
    });
    const rounded = await h.run('stock');
    expect(rounded.counts).toMatchObject({ read: 1, unchanged: 1, storeCalls: 0 });
    expect(h.sandbox.totalCalls()).toBe(beforeRounding);
  });

  it('a product whose category the store refused is deferred, then sent once the category goes', async () => {
    h = await startCatalogueHarness();
    // The store refuses the first department: its subtree and its products wait.
    h.sandbox.faults.add({
      type: 'server-error',
      status: 400,
      path: 'departments',
      method: 'POST',
      times: 1,
    });
    const first = await h.run('reconcile');
    expect(first.status).toBe('partial');
    expect(first.counts.deferred).toBeGreaterThan(0);
    const waiting = await h.db.query(
      `SELECT WTC_PENDING.ERP_KEY FROM WTC_PENDING WHERE WTC_PENDING.ERROR_KIND = 'aguardando_categoria' AND WTC_PENDING.STATUS = 'open'`,
    );
    expect(waiting.length).toBeGreaterThan(0);
    const codprod = String(waiting[0]!.ERP_KEY);
    expect(h.sandbox.catalog.findProductByErpId(codprod)).toBeNull();

    expect((await h.run('categories')).status).toBe('ok');
    const products = await h.run('products'); // the open pendências are retried
    expect(products.status).toBe('ok');
    expect(products.counts.sent).toBe(waiting.length);
    expect(h.sandbox.catalog.findProductByErpId(codprod)).not.toBeNull();
    const open = await h.db.queryOne(
      `SELECT COUNT(*) AS N FROM WTC_PENDING WHERE WTC_PENDING.STATUS = 'open'`,
    );
    expect(Number(open!.N)).toBe(0);
  });

  it('a product leaving the e-commerce is hidden by the reconcile, never deleted; the incremental job leaves it', async () => {
    h = await startCatalogueHarness();
    await h.run('reconcile');
    const [codprod] = await sellable(h);
    await h.db.execute(`UPDATE PCPRODUT SET ENVIAECOMMERCE = 'N' WHERE PCPRODUT.CODPROD = :p`, {
      p: codprod!,
    });
    const incremental = await h.run('products');
    expect(incremental.counts.storeCalls).toBe(0);
    expect(h.sandbox.catalog.findProductByErpId(String(codprod))!.blocked).not.toBe(true);

    const reconcile = await h.run('reconcile');
    expect(reconcile.counts).toMatchObject({ hidden: 1, storeCalls: 1 });
    const stored = h.sandbox.catalog.findProductByErpId(String(codprod))!;
    expect(stored.blocked).toBe(true);
    expect(stored.variants[0]!.visible).toBe(false);
    expect((await h.run('reconcile')).counts.storeCalls).toBe(0);

    // Published again: the next product run shows it again.
    await h.db.execute(`UPDATE PCPRODUT SET ENVIAECOMMERCE = 'S' WHERE PCPRODUT.CODPROD = :p`, {
      p: codprod!,
    });
    await h.run('products');
    expect(h.sandbox.catalog.findProductByErpId(String(codprod))!.blocked).toBe(false);
  });

  it('a 429 storm slows a run without losing an item', async () => {
    h = await startCatalogueHarness();
    await h.run('reconcile');
    const products = (await sellable(h)).slice(0, 40);
    for (const p of products) {
      await h.db.execute(
        `UPDATE PCTABPR SET PVENDA1 = PVENDA1 + 1 WHERE PCTABPR.CODPROD = :p AND PCTABPR.NUMREGIAO = 1`,
        { p },
      );
    }
    h.sandbox.resetInspection();
    h.sandbox.faults.add({ type: 'rate-limit', rate: 0.4, retryAfterSeconds: 1, path: 'variantsErpId' });
    let sent = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      sent += (await h.run('prices')).counts.sent ?? 0;
      const left = await h.db.queryOne(
        `SELECT COUNT(*) AS N FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.ENTITY = 'price'`,
      );
      if (Number(left!.N) === 0) break;
    }
    expect(h.sandbox.received.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(sent).toBe(products.length);
    for (const p of products) {
      const row = await h.db.queryOne(
        `SELECT PCTABPR.PVENDA1 FROM PCTABPR WHERE PCTABPR.CODPROD = :p AND PCTABPR.NUMREGIAO = 1`,
        { p },
      );
      expect(h.sandbox.catalog.findProductByErpId(String(p))!.variants[0]!.price, `produto ${p}`).toBe(
        Number(row!.PVENDA1),
      );
    }
  });

  it('pause stops a run at the next item; the next run finishes the work', async () => {
    h = await startCatalogueHarness();
    await h.run('reconcile');
    const products = (await sellable(h)).slice(0, 60);
    for (const p of products) {
      await h.db.execute(
        `UPDATE PCEST SET QTESTGER = QTESTGER + 7 WHERE PCEST.CODFILIAL = '1' AND PCEST.CODPROD = :p`,
        { p },
      );
    }
    h.sandbox.faults.add({ type: 'latency', ms: 30, path: 'variants' });
    const started = await h.engine.run({ branch: '1', job: 'stock' }, 'manual');
    const active = h.engine.runner!.activeRun('1', 'stock')!;
    while (active.counts.sent < 5) await new Promise((resolve) => setTimeout(resolve, 10));
    h.engine.pause();
    expect(await active.finished).toBe('cancelled');
    expect(active.counts.sent).toBeLessThan(products.length);
    const left = await h.db.queryOne(
      `SELECT COUNT(*) AS N FROM WTC_CHANGE_QUEUE WHERE WTC_CHANGE_QUEUE.ENTITY = 'stock'`,
    );
    expect(Number(left!.N)).toBeGreaterThan(0);
    expect(started.started).toHaveLength(1);
    h.sandbox.faults.clear();
    h.engine.resume();
    const rest = await h.run('stock');
    expect(rest.status).toBe('ok');
    expect(active.counts.sent + (rest.counts.sent ?? 0)).toBe(products.length);
  });
});
