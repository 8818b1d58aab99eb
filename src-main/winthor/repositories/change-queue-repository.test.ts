import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../db/sqlite-db';
import { install } from '../schema/installer';
import { createTestWinthor } from '../testing/test-winthor';
import { deleteChanges, readChanges } from './change-queue-repository';

describe('change queue: read a coalesced batch up to a watermark, then delete it', () => {
  let db: SqliteDb;
  beforeEach(async () => {
    db = await createTestWinthor({ products: 10, customers: 1 });
    await install(db);
  });
  afterEach(async () => db.close());

  it('coalesces repeated keys and leaves later rows and other entities alone', async () => {
    for (let i = 1; i <= 3; i++)
      await db.execute(`UPDATE PCEST SET QTESTGER = :q WHERE PCEST.CODPROD = 1 AND PCEST.CODFILIAL = '1'`, {
        q: 1000 + i,
      });
    await db.execute(`UPDATE PCEST SET QTESTGER = 5 WHERE PCEST.CODPROD = 2 AND PCEST.CODFILIAL = '2'`);
    await db.execute(`UPDATE PCTABPR SET PVENDA1 = 1 WHERE PCTABPR.CODPROD = 3 AND PCTABPR.NUMREGIAO = 1`);
    const batch = await readChanges(db, ['stock'], 100);
    expect(batch.changes).toEqual([
      { entity: 'stock', branch: '1', key: '1', operation: 'U', lastId: 3, count: 3 },
      { entity: 'stock', branch: '2', key: '2', operation: 'U', lastId: 4, count: 1 },
    ]);
    expect(batch.watermark).toBe(4);
    await db.execute(`UPDATE PCEST SET QTESTGER = 6 WHERE PCEST.CODPROD = 2 AND PCEST.CODFILIAL = '2'`);
    expect(await deleteChanges(db, ['stock'], batch.watermark)).toBe(4);
    const next = await readChanges(db, ['stock', 'price'], 100);
    expect(next.changes.map((c) => [c.entity, c.key, c.lastId])).toEqual([
      ['price', '3', 5],
      ['stock', '2', 6],
    ]);
    const limited = await readChanges(db, ['stock', 'price'], 1);
    expect(limited).toMatchObject({ watermark: 5, changes: [{ entity: 'price' }] });
  });
});
