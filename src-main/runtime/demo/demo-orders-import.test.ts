import { afterEach, describe, expect, it } from 'vitest';
import { startOrderHarness, type OrderHarness } from '../../engine/orders/order-harness.test-support';
import { demoOrderPrices } from '../../winthor';
import { DEMO_CITIES } from '../../winthor/demo/seed-cities';
import { createTestWinthor } from '../../winthor/test-winthor.test-support';
import { DEMO_MAPPINGS } from './demo-mappings';

/*
 * Issue #10: on a fresh demo, 0 of 28 paid orders imported. The demo store's orders and the demo WinThor
 * must agree: prices, products, cities, payment plans, billing types and the preset mappings (ADR 0221).
 */
describe('the demo store’s orders import into the demo WinThor', () => {
  let harness: OrderHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('every paid order of a fresh demo is staged by the first order run, at WinThor’s own prices', async () => {
    const db = await createTestWinthor({ products: 600, customers: 60, barcodeTypos: true });
    const orderPrices = await demoOrderPrices(db);
    harness = await startOrderHarness({
      db,
      sandbox: { orders: 40, orderPrices },
      branches: [{ code: '1', mappings: DEMO_MAPPINGS }],
    });
    const { sandbox } = harness;
    const paid = Array.from({ length: 40 }, (_, i) => sandbox.orders.get(100_001 + i)!).filter(
      (order) => order.status === 'PaymentApproved',
    );
    expect(paid.length).toBeGreaterThan(20);
    for (const order of paid) {
      for (const item of order.orderItems) expect(item.price).toBe(orderPrices.get(item.erpId));
      expect(DEMO_CITIES.map((city) => String(city.ibge))).toContain(order.shippingAddress.ibgeCode);
    }

    // The catalogue reaching the store later changes no order: an order is the same at every read.
    const before = JSON.stringify(paid.map((order) => order.orderItems));
    const run = await harness.run('orders');
    expect(run.counts).toMatchObject({ failed: 0, sent: paid.length });
    const after = JSON.stringify(paid.map((order) => sandbox.orders.get(order.id)!.orderItems));
    expect(after).toBe(before);
    expect(await harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`)).toBe(paid.length);
    expect(
      await harness.count(`SELECT COUNT(*) AS N FROM WTC_PENDING WHERE WTC_PENDING.STATUS = 'open'`),
    ).toBe(0);
  }, 60_000);
});
