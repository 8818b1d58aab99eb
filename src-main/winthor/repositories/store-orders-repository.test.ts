import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../db/sqlite-db';
import { install } from '../schema/installer';
import { createTestWinthor } from '../test-winthor.test-support';
import { listStoreCodes, recordStoreCodes } from './store-codes-repository';
import {
  getStoreOrders,
  markStoreOrderStaged,
  moveStoreOrder,
  recordStoreOrder,
} from './store-orders-repository';

let db: SqliteDb;
beforeEach(async () => {
  db = await createTestWinthor({ products: 1, customers: 1 });
  await install(db);
});
afterEach(async () => db.close());

const pulled = {
  storeKey: 'k',
  storeOrderId: '100',
  branch: '1',
  storeStatus: 'PaymentApproved',
  payload: '{}',
  storeTotal: 10,
};

describe('store orders (WTC_STORE_ORDER)', () => {
  it('one record per (store, order id): a second record, even racing, returns the first', async () => {
    const first = await recordStoreOrder(db, pulled, new Date());
    expect(first.created).toBe(true);
    expect((await recordStoreOrder(db, pulled, new Date())).record.id).toBe(first.record.id);
    // Another store's order 100 is another order.
    expect((await recordStoreOrder(db, { ...pulled, storeKey: 'other' }, new Date())).created).toBe(true);
    // The insert itself is refused by the unique key (what a racing run would hit).
    await expect(
      db.execute(
        `INSERT INTO WTC_STORE_ORDER (STORE_KEY, STORE_ORDER_ID, BRANCH, STATE, CREATED_AT, UPDATED_AT) VALUES ('k', '100', '1', 'received', :at, :at)`,
        { at: new Date() },
      ),
    ).rejects.toMatchObject({ code: 'db_unique_violation' });
  });

  it('is staged once: the guarded move says 0 to the second run', async () => {
    const { record } = await recordStoreOrder(db, pulled, new Date());
    const staging = { codusur: 99, cgccli: '1', openedAt: new Date(), codcli: 1, message: null };
    expect(await markStoreOrderStaged(db, record.id, staging, new Date())).toBe(1);
    expect(await markStoreOrderStaged(db, record.id, staging, new Date())).toBe(0);
    expect(await moveStoreOrder(db, record.id, ['received', 'waiting'], 'cancelled', new Date())).toBe(0);
    expect((await getStoreOrders(db, 'k', ['100'])).get('100')?.state).toBe('staged');
  });
});

describe('codes seen on orders (WTC_STORE_CODE)', () => {
  it('counts each code per branch and kind, keeps its label and when it was last seen', async () => {
    await recordStoreCodes(
      db,
      '1',
      [
        { kind: 'billing', storeCode: 'Pix' },
        { kind: 'billing', storeCode: ' Pix ' },
        { kind: 'carriers', storeCode: '3', label: 'Jadlog' },
      ],
      new Date(2026, 0, 1),
    );
    await recordStoreCodes(db, '1', [{ kind: 'billing', storeCode: 'Pix' }], new Date(2026, 0, 2));
    const codes = await listStoreCodes(db, { branch: '1' });
    expect(codes.map((c) => [c.kind, c.storeCode, c.label, c.count])).toEqual([
      ['billing', 'Pix', null, 3],
      ['carriers', '3', 'Jadlog', 1],
    ]);
    expect(codes[0]!.lastSeenAt).toEqual(new Date(2026, 0, 2));
    expect(await listStoreCodes(db, { branch: '1', kind: 'carriers' })).toHaveLength(1);
    expect(await listStoreCodes(db, { branch: '2' })).toEqual([]);
  });
});
