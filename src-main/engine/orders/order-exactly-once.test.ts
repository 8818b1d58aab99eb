import { afterEach, describe, expect, it } from 'vitest';
import { StoreClientRegistry } from '../../ciashop/store-registry';
import { createEnginePorts } from '../../runtime/engine-ports';
import { SkippingClock } from '../../shared/test-clocks.test-support';
import { getCursor, listPendings, setCursor } from '../../winthor';
import { DatabaseService } from '../../winthor/database-service';
import { EngineController } from '../engine-controller';
import { ORDER_JOBS } from './order-jobs';
import { ORDERS_CURSOR } from './orders-job';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Store orders with more than one PCPEDCFV header (must always be none). */
const duplicates = (harness: OrderHarness) =>
  harness.db.query(
    `SELECT PCPEDCFV.NUMPEDCLI, COUNT(*) AS N FROM PCPEDCFV GROUP BY PCPEDCFV.NUMPEDCLI HAVING COUNT(*) > 1`,
  );
const headers = (harness: OrderHarness) => harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`);

describe('every store order becomes exactly one WinThor order', () => {
  it('the same order pulled again, and again after the operator moves the cursor back, stays one order', async () => {
    h = await startOrderHarness();
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await h.place(goodOrder(h.products.slice(i, i + 1))));
    await h.run('orders');
    // Not imported by WinThor yet: every pull returns them again.
    for (let i = 0; i < 3; i++) expect((await h.run('orders')).counts).toMatchObject({ read: 5, sent: 0 });
    expect(await getCursor(h.db, ORDERS_CURSOR, '1')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await setCursor(h.db, ORDERS_CURSOR, '1', '2020-01-01', new Date());
    await h.run('orders');
    await h.importInWinthor();
    await h.run('orders');
    expect(await headers(h)).toBe(5);
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDC`)).toBe(5);
    expect(orders.every((o) => h!.sandbox.orders.isProcessed(o.id))).toBe(true);
  });

  it('two engines on one database import the same pull at the same time: one order each', async () => {
    h = await startOrderHarness();
    for (let i = 0; i < 30; i++) await h.place(goodOrder(h.products.slice(i % 10, (i % 10) + 1)));
    const harness = h;
    const database = new DatabaseService(() => harness.settings, { open: async () => harness.db });
    const stores = new StoreClientRegistry(() => harness.settings, { clock: new SkippingClock() });
    const other = new EngineController({
      ports: createEnginePorts({ settings: () => harness.settings, database, stores }),
      jobs: ORDER_JOBS,
    });
    other.start();
    try {
      const [a, b] = await Promise.all([
        other.run({ branch: '1', job: 'orders' }, 'manual'),
        h.engine.run({ branch: '1', job: 'orders' }, 'manual'),
      ]);
      expect(a.started).toHaveLength(1);
      expect(b.started).toHaveLength(1);
      await Promise.all([
        other.runner?.activeRun('1', 'orders')?.finished,
        h.engine.runner?.activeRun('1', 'orders')?.finished,
      ]);
    } finally {
      await other.stop();
      stores.close();
    }
    expect(await headers(h)).toBe(30);
    expect(await duplicates(h)).toEqual([]);
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDIFV`)).toBe(30);
  });

  it('two branches selling in one store: the first one imports its orders, the other leaves them alone', async () => {
    h = await startOrderHarness({ branches: [{ code: '1' }, { code: '2' }] });
    for (let i = 0; i < 3; i++) await h.place(goodOrder(h.products.slice(i, i + 1)));
    const second = await h.run('orders', '2');
    expect(second).toMatchObject({
      status: 'ok',
      counts: expect.objectContaining({ read: 0, storeCalls: 0 }),
    });
    await h.run('orders', '1');
    expect(await h.db.query(`SELECT DISTINCT PCPEDCFV.CODFILIAL FROM PCPEDCFV`)).toEqual([
      { CODFILIAL: '1' },
    ]);
    expect(await headers(h)).toBe(3);
  });

  it('an acknowledgement that failed (answer lost after the store processed it, then errors) changes nothing: one order, acknowledged later', async () => {
    h = await startOrderHarness();
    const order = await h.place(goodOrder(h.products.slice(0, 2)));
    await h.run('orders');
    await h.importInWinthor();
    h.sandbox.faults.add({ type: 'server-error', path: 'orders/statusProcessed', times: 8 });
    const failed = await h.run('orders');
    expect(failed.status).toBe('failed');
    expect(h.sandbox.orders.isProcessed(order.id)).toBe(false);
    h.sandbox.faults.clear();
    const again = await h.run('orders');
    expect(again.status).toBe('ok');
    expect(h.sandbox.orders.isProcessed(order.id)).toBe(true);
    expect(await headers(h)).toBe(1);
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDC`)).toBe(1);
  });

  it('a store that answers 404 to statusProcessed keeps returning the orders: the unique key holds, and it is asked once a day', async () => {
    h = await startOrderHarness({ sandbox: { statusProcessedImplemented: false } });
    for (let i = 0; i < 3; i++) await h.place(goodOrder(h.products.slice(i, i + 1)));
    await h.run('orders');
    await h.importInWinthor();
    const first = await h.run('orders');
    expect(first.status).toBe('ok');
    h.sandbox.resetInspection();
    for (let i = 0; i < 3; i++) expect((await h.run('orders')).counts).toMatchObject({ read: 3, sent: 0 });
    expect(h.sandbox.counts()['POST orders/statusProcessed']).toBeUndefined();
    expect(await headers(h)).toBe(3);
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDC`)).toBe(3);
  });

  it('a mapping added later: the waiting order imports by itself on the next run', async () => {
    h = await startOrderHarness();
    const order = await h.place({
      ...goodOrder(h.products.slice(0, 1)),
      payments: [{ method: 'Boleto', installments: 1 }],
    });
    expect((await h.run('orders')).status).toBe('partial');
    const [pending] = await listPendings(h.db, { status: 'open' });
    expect(pending).toMatchObject({ kind: 'sem_mapa_cobranca', erpKey: String(order.id) });
    expect(pending!.fix).toContain('Cadastrar → Cobrança');
    h.settings.branches[0]!.mappings.billing.push({
      storeCode: 'boleto',
      winthorCode: 'BK',
      description: '',
    });
    const next = await h.run('orders');
    expect(next.status).toBe('ok');
    expect(await headers(h)).toBe(1);
    expect((await h.db.queryOne(`SELECT PCPEDCFV.CODCOB FROM PCPEDCFV`))!.CODCOB).toBe('BK');
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
  });

  it('rejected by WinThor: one pendência with its reason; "reprocessar" after the fix stages it again under the same key', async () => {
    h = await startOrderHarness();
    const order = await h.place(goodOrder(h.products.slice(0, 1)));
    await h.run('orders');
    // The customer is blocked in WinThor: the importer rejects the order.
    await h.db.execute(
      `UPDATE PCCLIENT SET BLOQUEIO = 'S' WHERE PCCLIENT.CODCLI = (SELECT MAX(PCPEDCFV.CODCLI) FROM PCPEDCFV)`,
    );
    await h.importInWinthor();
    expect((await h.run('orders')).status).toBe('partial');
    const [pending] = await listPendings(h.db, { status: 'open' });
    expect(pending).toMatchObject({ kind: 'rejeitado_winthor', erpKey: String(order.id) });
    expect(pending!.message).toContain('bloqueado');
    // Not retried by itself (the cause is a person's to fix).
    await h.run('orders');
    expect((await h.db.queryOne(`SELECT PCPEDCFV.IMPORTADO FROM PCPEDCFV`))!.IMPORTADO).toBe(3);
    await h.db.execute(`UPDATE PCCLIENT SET BLOQUEIO = 'N'`);
    await h.db.execute(`UPDATE WTC_PENDING SET NEXT_ATTEMPT_AT = :now WHERE WTC_PENDING.ID = :id`, {
      now: new Date(Date.now() - 1000),
      id: pending!.id,
    });
    await h.run('orders');
    expect(await headers(h)).toBe(1);
    await h.importInWinthor();
    await h.run('orders');
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDC`)).toBe(1);
    expect(h.sandbox.orders.isProcessed(order.id)).toBe(true);
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
  });

  it('cancelled in the store: before staging the import stops; after, one pendência for a person, closed when WinThor cancels it', async () => {
    h = await startOrderHarness();
    const waiting = await h.place({
      ...goodOrder(h.products.slice(0, 1)),
      payments: [{ method: 'Boleto', installments: 1 }],
    });
    const staged = await h.place(goodOrder(h.products.slice(1, 2)));
    await h.run('orders');
    await h.importInWinthor();
    await h.run('orders');
    expect(h.sandbox.orders.isProcessed(staged.id)).toBe(true);
    h.sandbox.orders.setStatus(waiting.id, 'Cancelled');
    h.sandbox.orders.setStatus(staged.id, 'Cancelled');
    const run = await h.run('orders');
    expect(run.status).toBe('partial');
    const open = await listPendings(h.db, { status: 'open' });
    expect(open.map((p) => [p.erpKey, p.kind])).toEqual([[String(staged.id), 'cancelar_no_winthor']]);
    expect(open[0]!.fix).toContain('Cancele o pedido');
    // WinThor's order is untouched, the waiting one never reached WinThor; both are acknowledged.
    expect((await h.db.queryOne(`SELECT PCPEDC.POSICAO FROM PCPEDC`))!.POSICAO).toBe('L');
    expect(await headers(h)).toBe(1);
    expect(h.sandbox.orders.isProcessed(waiting.id)).toBe(true);
    expect(h.sandbox.orders.isProcessed(staged.id)).toBe(true);
    // A person cancels it in WinThor: the status job tells the store and the pendência closes itself.
    await h.db.execute(`UPDATE PCPEDC SET POSICAO = 'C'`);
    await h.run('orderStatus');
    expect(h.sandbox.orderStatusUpdates.at(-1)).toEqual({
      orderId: staged.id,
      body: { status: 'CANCELLED' },
    });
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
  });

  it('cancelled by WinThor: the store is told, and its cancellation coming back in the pull is no pendência', async () => {
    h = await startOrderHarness();
    const order = await h.place(goodOrder(h.products.slice(0, 1)));
    await h.run('orders');
    await h.importInWinthor();
    await h.run('orders');
    await h.db.execute(`UPDATE PCPEDC SET POSICAO = 'C'`);
    await h.run('orderStatus');
    expect(h.sandbox.orders.get(order.id)!.status).toBe('CANCELLED');
    const echo = await h.run('orders');
    expect(echo.status).toBe('ok');
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
    expect(h.sandbox.orders.isProcessed(order.id)).toBe(true);
  });

  it('a store that answers 404 to the status call: one pendência, not a retry per order and per run', async () => {
    h = await startOrderHarness();
    for (let i = 0; i < 3; i++) await h.place(goodOrder(h.products.slice(i, i + 1)));
    await h.run('orders');
    await h.importInWinthor();
    await h.run('orders');
    // The status path missing (PUT 404) while GET orders/{id} knows the order: the path, not the order.
    h.sandbox.faults.add({ type: 'server-error', status: 404, path: 'orders/9', method: 'PUT' });
    const first = await h.run('orderStatus');
    expect(first.counts.storeCalls).toBe(2);
    const open = await listPendings(h.db, { status: 'open' });
    expect(open.map((p) => [p.entity, p.erpKey, p.kind])).toEqual([
      ['orderStatus', 'loja', 'status_nao_suportado'],
    ]);
    for (let i = 0; i < 3; i++) expect((await h.run('orderStatus')).counts.storeCalls).toBe(0);
    // "reprocessar" once the store takes it: every order's status goes, the pendência closes.
    h.sandbox.faults.clear();
    await h.db.execute(`UPDATE WTC_PENDING SET NEXT_ATTEMPT_AT = :now`, { now: new Date(Date.now() - 1000) });
    expect((await h.run('orderStatus')).counts).toMatchObject({ sent: 3 });
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
  });
});
