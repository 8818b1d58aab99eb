import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DbSession } from '../db/db';
import { oracleDialect } from '../db/dialect';
import { SqliteDb } from '../db/sqlite-db';
import { install } from '../schema/installer';
import { INTEGRATION_TABLES } from '../schema/integration-objects';
import { sqliteDdl } from '../schema/schema-ddl';
import { createTestWinthor } from '../test-winthor.test-support';
import { DELETE_CHUNK, deleteChanges, readChanges } from './change-queue-repository';

describe('change queue: read a coalesced batch, then delete exactly the rows read', () => {
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
      { entity: 'stock', branch: '1', key: '1', operation: 'U', lastId: 3, count: 3, ids: [1, 2, 3] },
      { entity: 'stock', branch: '2', key: '2', operation: 'U', lastId: 4, count: 1, ids: [4] },
    ]);
    expect(batch.ids).toEqual([1, 2, 3, 4]);
    await db.execute(`UPDATE PCEST SET QTESTGER = 6 WHERE PCEST.CODPROD = 2 AND PCEST.CODFILIAL = '2'`);
    expect(await deleteChanges(db, batch.ids)).toBe(4);
    const next = await readChanges(db, ['stock', 'price'], 100);
    expect(next.changes.map((c) => [c.entity, c.key, c.lastId])).toEqual([
      ['price', '3', 5],
      ['stock', '2', 6],
    ]);
    const limited = await readChanges(db, ['stock', 'price'], 1);
    expect(limited).toMatchObject({ ids: [5], changes: [{ entity: 'price' }] });
  });
});

describe('change queue on Oracle: sequence IDs do not commit in order', () => {
  let db: SqliteDb;
  const add = (id: number, key: string) =>
    db.execute(
      `INSERT INTO WTC_CHANGE_QUEUE (ID, ENTITY, BRANCH, ERP_KEY, OPERATION, CREATED_AT) VALUES (:id, 'stock', '1', :k, 'U', '2026-01-01 00:00:00')`,
      { id, k: key },
    );
  beforeEach(async () => {
    db = new SqliteDb({ file: ':memory:' });
    for (const s of INTEGRATION_TABLES.flatMap((t) => sqliteDdl.createTable(t))) await db.execute(s);
  });
  afterEach(async () => db.close());

  it('keeps a change with a lower ID that committed after the read (concurrent sessions, CACHE, RAC)', async () => {
    // Session A took sequence value 1 and commits late; session B took 2 and committed first.
    await add(2, 'B');
    const batch = await readChanges(db, ['stock']);
    expect(batch.changes.map((c) => c.key)).toEqual(['B']);
    await add(1, 'A'); // session A commits now
    expect(await deleteChanges(db, batch.ids)).toBe(1);
    expect(await db.query(`SELECT ID, ERP_KEY FROM WTC_CHANGE_QUEUE`)).toEqual([{ ID: 1, ERP_KEY: 'A' }]);
    const next = await readChanges(db, ['stock']);
    expect(next.changes).toMatchObject([{ key: 'A', ids: [1] }]);
  });

  it(`deletes large batches in chunks of ${DELETE_CHUNK} IDs and keeps coalescing repeated keys`, async () => {
    const total = DELETE_CHUNK * 2 + 37;
    for (let id = 1; id <= total; id++) await add(id * 2, `K${id % 10}`);
    await add(total * 2 + 1, 'LATE-NOT-READ');
    const batch = await readChanges(db, ['stock'], total);
    expect(batch.ids).toHaveLength(total);
    expect(batch.changes).toHaveLength(10);
    expect(batch.changes.reduce((n, c) => n + c.ids.length, 0)).toBe(total);
    const execute = vi.spyOn(db, 'execute');
    expect(await deleteChanges(db, batch.ids)).toBe(total);
    expect(execute).toHaveBeenCalledTimes(3);
    for (const [sql] of execute.mock.calls)
      expect(sql).toMatch(/^DELETE FROM WTC_CHANGE_QUEUE WHERE ID IN \(/);
    expect(await db.query(`SELECT ERP_KEY FROM WTC_CHANGE_QUEUE`)).toEqual([{ ERP_KEY: 'LATE-NOT-READ' }]);
    expect(await deleteChanges(db, [])).toBe(0);
  });
});

describe('change queue read on Oracle: an index serves the order, no sort of the backlog', () => {
  it('reads each entity by ENTITY = :entity ORDER BY ID (index ENTITY, ID) with ROWNUM, then merges by ID', async () => {
    const asked: Array<{ sql: string; binds: Record<string, unknown> }> = [];
    const rowsOf: Record<string, Array<Record<string, unknown>>> = {
      stock: [
        { ID: 2, ENTITY: 'stock', BRANCH: '1', ERP_KEY: '7', OPERATION: 'U' },
        { ID: 9, ENTITY: 'stock', BRANCH: '1', ERP_KEY: '8', OPERATION: 'U' },
      ],
      price: [{ ID: 5, ENTITY: 'price', BRANCH: null, ERP_KEY: '7', OPERATION: 'U' }],
    };
    const db = {
      dialect: oracleDialect,
      query: async (sql: string, binds: Record<string, unknown>) => {
        asked.push({ sql, binds });
        return rowsOf[String(binds.entity)] ?? [];
      },
    } as unknown as DbSession;
    const batch = await readChanges(db, ['stock', 'price'], 2);
    expect(asked).toEqual([
      {
        sql: 'SELECT * FROM (SELECT ID, ENTITY, BRANCH, ERP_KEY, OPERATION FROM WTC_CHANGE_QUEUE WHERE ENTITY = :entity ORDER BY ID) WHERE ROWNUM <= :row_limit',
        binds: { entity: 'stock', row_limit: 2 },
      },
      {
        sql: 'SELECT * FROM (SELECT ID, ENTITY, BRANCH, ERP_KEY, OPERATION FROM WTC_CHANGE_QUEUE WHERE ENTITY = :entity ORDER BY ID) WHERE ROWNUM <= :row_limit',
        binds: { entity: 'price', row_limit: 2 },
      },
    ]);
    // The oldest two over both entities; ID 9 waits for the next batch.
    expect(batch.ids).toEqual([2, 5]);
    expect(INTEGRATION_TABLES.find((t) => t.name === 'WTC_CHANGE_QUEUE')!.indexes).toContainEqual({
      name: 'WTC_CHANGE_QUEUE_ENT_IX',
      columns: ['ENTITY', 'ID'],
    });
  });
});
