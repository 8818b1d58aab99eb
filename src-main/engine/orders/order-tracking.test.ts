import { afterEach, describe, expect, it } from 'vitest';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';
import { listPendings } from '../../winthor';
import { FINAL_STATUS_MARK, TRACKING_WAIT_MS } from './order-status';
import { TRACKING_REFUSED_CURSOR } from './order-status-job';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** One order imported, confirmed and invoiced in WinThor (the demo carrier 9 has a tracking address). */
const invoicedOrder = async (harness: OrderHarness) => {
  const order = await harness.place(goodOrder(harness.products.slice(0, 1)));
  await harness.run('orders');
  await harness.importInWinthor(new Date());
  await harness.run('orders');
  expect((await harness.run('orderStatus')).counts).toMatchObject({ sent: 1 });
  return order;
};

const statusSent = async (harness: OrderHarness): Promise<string> =>
  String((await harness.db.queryOne(`SELECT WTC_STORE_ORDER.STATUS_SENT FROM WTC_STORE_ORDER`))!.STATUS_SENT);

describe('the tracking code back to the store (PCPEDC.CODIGORASTREIOFRETEVENDA, ADR 0216)', () => {
  it('sent with the invoice, with the carrier’s tracking address; then nothing more', async () => {
    h = await startOrderHarness();
    const order = await invoicedOrder(h);
    await h.importInWinthor(new Date(Date.now() + 5_000));
    expect((await h.run('orderStatus')).counts).toMatchObject({ sent: 1 });
    const code = String(
      (await h.db.queryOne(`SELECT PCPEDC.CODIGORASTREIOFRETEVENDA FROM PCPEDC`))!.CODIGORASTREIOFRETEVENDA,
    );
    expect(code).toMatch(/^DM\d{9}BR$/);
    expect(h.sandbox.orderStatusUpdates.at(-1)).toMatchObject({
      orderId: order.id,
      body: {
        status: 'SHIPPED',
        tracking: { code, url: `https://rastreio.rapidasul.example/${code}` },
      },
    });
    expect((await statusSent(h)).startsWith(FINAL_STATUS_MARK)).toBe(true);
    expect((await h.run('orderStatus')).counts.storeCalls).toBe(0);
  });

  it('typed in WinThor after the invoice: one more call with the code; an order without one stops being followed five days after DTFAT, without a call', async () => {
    h = await startOrderHarness();
    const order = await invoicedOrder(h);
    await h.importInWinthor(new Date(Date.now() + 5_000));
    await h.db.execute(`UPDATE PCPEDC SET CODIGORASTREIOFRETEVENDA = NULL`);
    expect((await h.run('orderStatus')).counts).toMatchObject({ sent: 1 });
    const shipped = h.sandbox.orderStatusUpdates.at(-1)!.body as Record<string, unknown>;
    expect(shipped).toMatchObject({ status: 'SHIPPED' });
    expect(shipped).not.toHaveProperty('tracking');
    // Invoiced with its key but no code yet: still followed, and unchanged it costs nothing.
    expect(await statusSent(h)).not.toMatch(/^#/);
    expect((await h.run('orderStatus')).counts).toMatchObject({ storeCalls: 0, read: 1 });

    await h.db.execute(`UPDATE PCPEDC SET CODIGORASTREIOFRETEVENDA = 'QB123456789BR'`);
    expect((await h.run('orderStatus')).counts).toMatchObject({ sent: 1, storeCalls: 1 });
    expect(h.sandbox.orderStatusUpdates.at(-1)).toMatchObject({
      orderId: order.id,
      body: {
        status: 'SHIPPED',
        tracking: { code: 'QB123456789BR', url: 'https://rastreio.rapidasul.example/QB123456789BR' },
      },
    });
    expect((await h.run('orderStatus')).counts).toMatchObject({ storeCalls: 0, read: 0 });

    // Had it never got a code (as sent before it was typed): five days after the invoice it is done,
    // remembered without a call.
    const calls = h.sandbox.orderStatusUpdates.length;
    await h.db.execute(`UPDATE PCPEDC SET CODIGORASTREIOFRETEVENDA = NULL, DTFAT = :dtfat`, {
      dtfat: new Date(Date.now() - TRACKING_WAIT_MS - 60_000),
    });
    await h.db.execute(`UPDATE WTC_STORE_ORDER SET STATUS_SENT = :sent`, {
      sent: (await statusSent(h)).replace(/^#/, '').split('|').slice(0, 3).join('|'),
    });
    const ended = await h.run('orderStatus');
    expect(ended.counts).toMatchObject({ storeCalls: 0, unchanged: 1 });
    const done = await statusSent(h);
    expect(done.startsWith(FINAL_STATUS_MARK)).toBe(true);
    // Still read for a while (it was just written), never called, never changed.
    expect((await h.run('orderStatus')).counts).toMatchObject({ storeCalls: 0 });
    expect(await statusSent(h)).toBe(done);
    expect(h.sandbox.orderStatusUpdates.length).toBe(calls);
  });

  it('a store that refuses the tracking field still gets the status and invoice; tracking waits a day, then is tried once', async () => {
    h = await startOrderHarness();
    h.sandbox.statusRules.rejectsTracking = true;
    const order = await invoicedOrder(h);
    await h.importInWinthor(new Date(Date.now() + 5_000));
    const refused = await h.run('orderStatus');
    // One refused call with tracking, one accepted without it.
    expect(refused.counts).toMatchObject({ sent: 1, storeCalls: 2, failed: 0 });
    const last = h.sandbox.orderStatusUpdates.at(-1)!;
    expect(last).toMatchObject({
      orderId: order.id,
      body: { status: 'SHIPPED', invoice: { number: expect.any(String) } },
    });
    expect(last.body).not.toHaveProperty('tracking');
    const [pending] = await listPendings(h.db, { status: 'open', kind: 'rastreio_recusado' });
    expect(pending).toMatchObject({ entity: 'orderStatus', erpKey: 'loja-rastreio' });
    expect(pending!.message).toContain('a posição e a nota fiscal são enviadas sem ele');
    // Within the day: not tried again, no call.
    expect((await h.run('orderStatus')).counts.storeCalls).toBe(0);
    // A day later the store takes it: sent once, the pendência closes.
    h.sandbox.statusRules.rejectsTracking = false;
    await h.db.execute(`UPDATE WTC_CURSOR SET CURSOR_VALUE = :at WHERE WTC_CURSOR.NAME = :name`, {
      at: new Date(Date.now() - 25 * 3_600_000).toISOString(),
      name: TRACKING_REFUSED_CURSOR,
    });
    const retried = await h.run('orderStatus');
    expect(retried.counts).toMatchObject({ sent: 1, storeCalls: 1 });
    expect(h.sandbox.orderStatusUpdates.at(-1)!.body).toMatchObject({
      tracking: { code: expect.stringMatching(/^DM/) },
    });
    expect(await listPendings(h.db, { status: 'open', kind: 'rastreio_recusado' })).toEqual([]);
    expect((await h.run('orderStatus')).counts.storeCalls).toBe(0);
  });

  it('after an upgrade: an order marked done before tracking existed, invoiced days ago, gets a code typed now', async () => {
    h = await startOrderHarness();
    await invoicedOrder(h);
    await h.importInWinthor(new Date(Date.now() + 5_000));
    await h.db.execute(`UPDATE PCPEDC SET CODIGORASTREIOFRETEVENDA = NULL, DTFAT = :dtfat`, {
      dtfat: new Date(Date.now() - 2 * 86_400_000),
    });
    expect((await h.run('orderStatus')).counts).toMatchObject({ sent: 1 });
    // What the previous version stored: final as soon as it had the key.
    const sent = await statusSent(h);
    await h.db.execute(`UPDATE WTC_STORE_ORDER SET STATUS_SENT = :sent`, {
      sent: `#${sent.replace(/^#/, '')}`,
    });
    await h.db.execute(`UPDATE PCPEDC SET CODIGORASTREIOFRETEVENDA = 'QB987654321BR'`);
    expect((await h.run('orderStatus')).counts).toMatchObject({ sent: 1, storeCalls: 1 });
    expect(h.sandbox.orderStatusUpdates.at(-1)!.body).toMatchObject({ tracking: { code: 'QB987654321BR' } });
  });

  it('a WinThor without the tracking column: the status and invoice go as before, nothing fails', async () => {
    h = await startOrderHarness();
    await h.db.execute(`ALTER TABLE PCPEDC DROP COLUMN CODIGORASTREIOFRETEVENDA`);
    const order = await invoicedOrder(h);
    await h.db.execute(`UPDATE PCPEDC SET POSICAO = 'F', NUMNOTA = 4321, CHAVENFE = :chave, DTFAT = :dtfat`, {
      chave: '4'.repeat(44),
      dtfat: new Date(),
    });
    const run = await h.run('orderStatus');
    expect(run.status).toBe('ok');
    expect(run.counts).toMatchObject({ sent: 1, failed: 0 });
    const body = h.sandbox.orderStatusUpdates.at(-1)!;
    expect(body).toMatchObject({
      orderId: order.id,
      body: { status: 'SHIPPED', invoice: { number: '4321', key: '4'.repeat(44) } },
    });
    expect(body.body).not.toHaveProperty('tracking');
  });
});
