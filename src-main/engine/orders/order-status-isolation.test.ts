import { afterEach, describe, expect, it } from 'vitest';
import { listPendings } from '../../winthor';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** `n` orders placed, staged, imported by WinThor and seen imported (positions L). */
const importedOrders = async (harness: OrderHarness, n: number) => {
  const placed = [];
  for (let i = 0; i < n; i++) placed.push(await harness.place(goodOrder(harness.products.slice(i, i + 1))));
  await harness.run('orders');
  await harness.importInWinthor();
  await harness.run('orders');
  return placed;
};
const open = async (harness: OrderHarness) =>
  (await listPendings(harness.db, { status: 'open' })).map((p) => [p.entity, p.erpKey, p.kind]);
const past = async (harness: OrderHarness) =>
  harness.db.execute(`UPDATE WTC_PENDING SET NEXT_ATTEMPT_AT = :at WHERE WTC_PENDING.STATUS = 'open'`, {
    at: new Date(Date.now() - 1000),
  });

describe('order status back to the store, one order at a time (review #10, findings 3–5)', () => {
  it('one order unknown to the store (404) is its own pendência; the others get their status', async () => {
    h = await startOrderHarness();
    await importedOrders(h, 4);
    const ids = (
      await h.db.query(
        `SELECT WTC_STORE_ORDER.STORE_ORDER_ID FROM WTC_STORE_ORDER ORDER BY WTC_STORE_ORDER.NUMPED`,
      )
    ).map((r) => String(r.STORE_ORDER_ID));
    const lost = ids[0]!;
    h.sandbox.faults.add({ type: 'server-error', status: 404, path: `orders/${lost}` });
    const run = await h.run('orderStatus');
    expect(run.status).not.toBe('failed');
    expect(h.sandbox.orderStatusUpdates.map((u) => String(u.orderId)).sort()).toEqual(ids.slice(1).sort());
    expect(await open(h)).toEqual([['orderStatus', lost, 'status_pedido_desconhecido']]);
    // Backing off: the next run does not ask again for it (and the others are already sent).
    expect((await h.run('orderStatus')).counts.storeCalls).toBe(0);
  });

  it('several distinct orders in a row unknown (status and GET both 404): the store has no status path', async () => {
    h = await startOrderHarness();
    await importedOrders(h, 4);
    h.sandbox.faults.add({ type: 'server-error', status: 404, path: 'orders/9' });
    const run = await h.run('orderStatus');
    expect(run.counts.storeCalls).toBeLessThanOrEqual(2 * 5);
    expect((await open(h)).filter(([, key]) => key === 'loja')).toEqual([
      ['orderStatus', 'loja', 'status_nao_suportado'],
    ]);
    expect((await h.run('orderStatus')).counts.storeCalls).toBe(0);
  });

  it('a status the store refuses (400) is retried with back-off, not once per run', async () => {
    h = await startOrderHarness();
    const [order] = await importedOrders(h, 1);
    h.sandbox.faults.add({ type: 'server-error', status: 400, path: `orders/${order!.id}/status` });
    const calls = [];
    for (let i = 0; i < 4; i++) calls.push((await h.run('orderStatus')).counts.storeCalls);
    expect(calls).toEqual([1, 0, 0, 0]);
    const [pending] = await listPendings(h.db, { status: 'open' });
    expect(pending?.kind).toBe('status_recusado');
    expect(pending?.message).toContain('HTTP 400');
    expect(pending?.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    // The back-off over and the store taking it: sent once, the pendência closes.
    h.sandbox.faults.clear();
    await past(h);
    expect((await h.run('orderStatus')).counts).toMatchObject({ sent: 1, storeCalls: 1 });
    expect(await open(h)).toEqual([]);
  });

  it('a 5xx on one order (after the client retries) is that order’s failure; the run goes on', async () => {
    h = await startOrderHarness();
    const [bad] = await importedOrders(h, 3);
    h.sandbox.faults.add({ type: 'server-error', status: 503, path: `orders/${bad!.id}/status` });
    const run = await h.run('orderStatus');
    expect(run.status).not.toBe('failed');
    expect(run.counts.sent).toBe(2);
    expect(await open(h)).toEqual([['orderStatus', String(bad!.id), 'status_recusado']]);
  });

  it('an order the store cancelled gets no other status; WinThor cancelling it closes the pendência', async () => {
    h = await startOrderHarness();
    const [order] = await importedOrders(h, 1);
    await h.run('orderStatus');
    h.sandbox.orders.setStatus(order!.id, 'Cancelled');
    await h.run('orders');
    expect(await open(h)).toEqual([['order', String(order!.id), 'cancelar_no_winthor']]);
    await h.db.execute(`UPDATE PCPEDC SET POSICAO = 'M'`);
    await h.run('orderStatus');
    expect(h.sandbox.orders.get(order!.id)!.status).toBe('Cancelled');
    expect(h.sandbox.orderStatusUpdates.map((u) => (u.body as { status: string }).status)).toEqual([
      'CONFIRMED',
    ]);
    // The store refuses the CANCELLED call: the WinThor side is done anyway.
    h.sandbox.faults.add({ type: 'server-error', status: 400, path: `orders/${order!.id}/status` });
    await h.db.execute(`UPDATE PCPEDC SET POSICAO = 'C'`);
    await h.run('orderStatus');
    expect((await open(h)).filter(([entity]) => entity === 'order')).toEqual([]);
  });
});
