import { expect, it } from 'vitest';
import type { Db } from './db/db';
import { listStoreCodes, recordStoreCodes } from './repositories/store-codes-repository';
import { getStoreOrders } from './repositories/store-order-reads';
import { markStoreOrderStaged, moveStoreOrder, recordStoreOrder } from './repositories/store-order-writes';
import { schemaSuite } from './schema-suite.test-support';
import { storeOrderIdFloor } from './repositories/store-order-id-floor';

const pulled = {
  storeKey: 'k',
  storeOrderId: '100',
  branch: '1',
  storeStatus: 'PaymentApproved',
  payload: '{}',
  storeTotal: 10,
};

/**
 * The order import's own tables (schema version 6), on any Db holding the demo WinThor: the embedded
 * database always, Oracle when WINTHOR_TEST_ORACLE is set (the unique key, the guarded staging, the CLOB).
 */
export const storeOrdersSuite = (label: string, open: () => Promise<Db>, options: { skip?: boolean } = {}) =>
  schemaSuite(
    `pedidos da loja e códigos vistos (${label})`,
    open,
    { ...options, emptyBeforeEach: ['WTC_STORE_ORDER', 'WTC_STORE_CODE'] },
    (db) => {
      it('one record per (store, order id): a second record returns the first; the key refuses a racing insert', async () => {
        const first = await recordStoreOrder(db(), pulled, new Date());
        expect(first.created).toBe(true);
        expect((await recordStoreOrder(db(), pulled, new Date())).record.id).toBe(first.record.id);
        // Another store's order 100 is another order.
        expect((await recordStoreOrder(db(), { ...pulled, storeKey: 'other' }, new Date())).created).toBe(
          true,
        );
        await expect(
          db().execute(
            `INSERT INTO WTC_STORE_ORDER (ID, STORE_KEY, STORE_ORDER_ID, BRANCH, STATE, CREATED_AT, UPDATED_AT)
           VALUES (:id, 'k', '100', '1', 'received', :at, :at)`,
            { id: 999_999, at: new Date() },
          ),
        ).rejects.toMatchObject({ code: 'db_unique_violation' });
      });

      it('ids (the NUMPEDRCA of the stagings) stay above the highest NUMPEDRCA in PCPEDCFV when first measured', async () => {
        await db().execute(`DELETE FROM WTC_CURSOR WHERE WTC_CURSOR.NAME = 'orders.idFloor'`);
        const key = { numpedrca: 5000, codusur: 98, cgccli: '00000000000', dtabertura: new Date(2026, 0, 2) };
        await db().execute(
          `INSERT INTO PCPEDCFV (NUMPEDRCA, CODUSUR, CGCCLI, DTABERTURAPEDPALM, IMPORTADO) VALUES (:numpedrca, :codusur, :cgccli, :dtabertura, 2)`,
          key,
        );
        try {
          const floors = await Promise.all([
            storeOrderIdFloor(db(), new Date()),
            storeOrderIdFloor(db(), new Date()),
          ]);
          expect(floors).toEqual([5000, 5000]);
          const { record } = await recordStoreOrder(db(), { ...pulled, storeOrderId: '300' }, new Date());
          expect(record.id).toBeGreaterThan(5000);
          const next = await recordStoreOrder(db(), { ...pulled, storeOrderId: '301' }, new Date());
          expect(next.record.id).toBeGreaterThan(record.id);
        } finally {
          await db().execute(
            `DELETE FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDRCA = 5000 AND PCPEDCFV.CODUSUR = 98`,
          );
        }
      });

      it('keeps an order of any size as it was pulled (PAYLOAD is a CLOB)', async () => {
        const payload = JSON.stringify({ items: 'x'.repeat(70_000) });
        const { record } = await recordStoreOrder(
          db(),
          { ...pulled, storeOrderId: '200', payload },
          new Date(),
        );
        expect(record.payload).toBe(payload);
      });

      it('is staged once: the guarded move says 0 to the second run', async () => {
        const { record } = await recordStoreOrder(db(), pulled, new Date());
        const staging = { codusur: 99, cgccli: '1', openedAt: new Date(), codcli: 1, message: null };
        await db().transaction(async (tx) => {
          expect(await markStoreOrderStaged(tx, record.id, staging, new Date())).toBe(1);
        });
        expect(await markStoreOrderStaged(db(), record.id, staging, new Date())).toBe(0);
        expect(await moveStoreOrder(db(), record.id, ['received', 'waiting'], 'cancelled', new Date())).toBe(
          0,
        );
        expect((await getStoreOrders(db(), 'k', ['100'])).get('100')?.state).toBe('staged');
      });

      it('counts each code seen per branch and kind, keeps its label and when it was last seen', async () => {
        await recordStoreCodes(
          db(),
          '1',
          [
            { kind: 'billing', storeCode: 'Pix' },
            { kind: 'billing', storeCode: ' Pix ' },
            { kind: 'carriers', storeCode: '3', label: 'Jadlog' },
          ],
          new Date(2026, 0, 1),
        );
        await recordStoreCodes(db(), '1', [{ kind: 'billing', storeCode: 'Pix' }], new Date(2026, 0, 2));
        const codes = await listStoreCodes(db(), { branch: '1' });
        expect(codes.map((c) => [c.kind, c.storeCode, c.label, c.count])).toEqual([
          ['billing', 'Pix', null, 3],
          ['carriers', '3', 'Jadlog', 1],
        ]);
        expect(codes[0]!.lastSeenAt).toEqual(new Date(2026, 0, 2));
        expect(await listStoreCodes(db(), { branch: '1', kind: 'carriers' })).toHaveLength(1);
        expect(await listStoreCodes(db(), { branch: '2' })).toEqual([]);
      });
    },
  );
