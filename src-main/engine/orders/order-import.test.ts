import { afterEach, describe, expect, it } from 'vitest';
import { listPendings, listStoreCodes } from '../../winthor';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const headers = (harness: OrderHarness) => harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`);

describe('order import on the embedded WinThor, the store sandbox and the importer simulator', () => {
  it('happy path: staged once with the store id, customer created, imported, acknowledged, status, invoice and NF-e key back in the store', async () => {
    h = await startOrderHarness();
    const order = await h.place(goodOrder(h.products.slice(0, 2)));
    const first = await h.run('orders');
    expect(first.status).toBe('ok');
    expect(first.counts).toMatchObject({ read: 1, sent: 1, failed: 0 });

    const header = await h.db.queryOne(
      `SELECT PCPEDCFV.NUMPEDRCA, PCPEDCFV.IMPORTADO, PCPEDCFV.NUMPEDCLI, PCPEDCFV.VLFRETE, PCPEDCFV.CODCOB, PCPEDCFV.CODPLPAG,
              PCPEDCFV.CODFORNECFRETE, PCPEDCFV.CODCLI, PCPEDCFV.CODUSUR, PCPEDCFV.OBSENTREGA1, PCPEDCFV.OBSENTREGA2,
              PCPEDCFV.OBSENTREGA3, PCPEDCFV.CODFILIAL FROM PCPEDCFV`,
    );
    expect(header).toMatchObject({
      IMPORTADO: 1,
      NUMPEDCLI: String(order.id),
      VLFRETE: 15.5,
      CODCOB: 'CART',
      CODPLPAG: 3,
      CODFORNECFRETE: 9,
      CODUSUR: 99,
      CODFILIAL: '1',
      OBSENTREGA1: 'Entregar a: Ana Souza',
      OBSENTREGA2: 'Rua das Flores, 100 - Apto 12',
      OBSENTREGA3: 'Centro - Porto Alegre/RS - CEP 90010-100',
    });
    const customer = await h.db.queryOne(
      `SELECT PCCLIENT.CLIENTE, PCCLIENT.CGCENT, PCCLIENT.CODCIDADE, PCCLIENT.ENDERENT, PCCLIENT.CODCOB FROM PCCLIENT WHERE PCCLIENT.CODCLI = :c`,
      { c: Number(header!.CODCLI) },
    );
    expect(customer).toMatchObject({
      CLIENTE: 'ANA SOUZA',
      CODCIDADE: 1,
      ENDERENT: 'RUA DAS FLORES',
      CODCOB: 'CART',
    });
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDIFV`)).toBe(2);
    // Not imported yet by WinThor: the store is not told anything.
    expect(h.sandbox.orders.isProcessed(order.id)).toBe(false);

    await h.importInWinthor(new Date());
    const second = await h.run('orders');
    expect(second.status).toBe('ok');
    expect(h.sandbox.orders.isProcessed(order.id)).toBe(true);
    const placed = await h.db.queryOne(`SELECT PCPEDC.NUMPED, PCPEDC.VLTOTAL, PCPEDC.POSICAO FROM PCPEDC`);
    // Money to the cent: WinThor's total is the store's.
    expect(Number(placed!.VLTOTAL)).toBe(order.total);

    const confirmed = await h.run('orderStatus');
    expect(confirmed.counts).toMatchObject({ sent: 1 });
    expect(h.sandbox.orderStatusUpdates.at(-1)).toEqual({ orderId: order.id, body: { status: 'CONFIRMED' } });
    // Again with nothing new: no call.
    const idle = await h.run('orderStatus');
    expect(idle.counts.storeCalls).toBe(0);

    await h.importInWinthor(new Date(Date.now() + 5_000));
    const invoiced = await h.run('orderStatus');
    expect(invoiced.counts).toMatchObject({ sent: 1 });
    const last = h.sandbox.orderStatusUpdates.at(-1)!;
    const nf = await h.db.queryOne(`SELECT PCPEDC.NUMNOTA, PCPEDC.CHAVENFE FROM PCPEDC`);
    expect(last).toMatchObject({
      orderId: order.id,
      body: { status: 'SHIPPED', invoice: { number: String(nf!.NUMNOTA), key: String(nf!.CHAVENFE) } },
    });
    expect(String(nf!.CHAVENFE)).toMatch(/^\d{44}$/);
    expect(h.sandbox.orders.get(order.id)!.status).toBe('SHIPPED');
    // Invoiced with its key is final: later runs make no call for it.
    expect((await h.run('orderStatus')).counts.storeCalls).toBe(0);
    expect(await headers(h)).toBe(1);
    // The codes the order carried are kept for the mapping screens: once, though it was pulled twice.
    expect((await listStoreCodes(h.db, { branch: '1' })).map((c) => [c.kind, c.storeCode, c.count])).toEqual(
      expect.arrayContaining([
        ['billing', 'CreditCard', 1],
        ['plans', 'CreditCard:3', 1],
        ['carriers', '1', 1],
      ]),
    );
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
  });
});
