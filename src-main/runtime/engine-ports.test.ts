import { afterEach, describe, expect, it } from 'vitest';
import { StoreClientRegistry } from '../ciashop/store-registry';
import { Branch, defaultSettings, type Settings } from '../contract';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { DatabaseService } from '../winthor/database-service';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { createEnginePorts } from './engine-ports';

let sandbox: StoreSandbox | undefined;
let registry: StoreClientRegistry | undefined;
afterEach(async () => {
  registry?.close();
  await sandbox?.stop();
  sandbox = registry = undefined;
});

describe('engine ports: the store budget the governor sees', () => {
  it('is unknown until the client has learnt what x-apilimit-remaining means, then the real figure', async () => {
    sandbox = await startStoreSandbox({ budgetPerHour: 1000 });
    const branch = Branch.parse({ code: '1', store: { url: sandbox.url, token: sandbox.token } });
    const settings: Settings = { ...defaultSettings(), branches: [branch] };
    registry = new StoreClientRegistry(() => settings, { clock: new SkippingClock() });
    const ports = createEnginePorts({
      settings: () => settings,
      database: new DatabaseService(() => settings),
      stores: registry,
      jobs: ['stock'],
    });
    const store = ports.store(branch);
    expect(store.budget()).toEqual({ remaining: null, limit: null });
    await store.setStock('1', '1', 1).catch(() => {}); // 404 (no such variant): still a reading
    // "1000/999": 999 left or 999 used? The client's own guess (1 left) must not stop the catalogue jobs:
    // the priorities read the other figure until the meaning is learnt.
    expect(store.budget()).toEqual({ remaining: 999, limit: 1000 });
    for (let i = 0; i < 3; i++) await store.setStock('1', '1', 1).catch(() => {});
    expect(store.budget()).toEqual({ remaining: 996, limit: 1000 });
  });
});

describe('engine ports: pendências of a run', () => {
  it('resolve closes the open ones among the keys and writes nothing for the others; record keeps the run up to date', async () => {
    const db = await createTestWinthor({ products: 5, customers: 1 });
    await install(db);
    const branch = Branch.parse({ code: '1', store: { url: 'http://127.0.0.1:1', token: 't' } });
    const settings: Settings = { ...defaultSettings(), branches: [branch] };
    const stores = new StoreClientRegistry(() => settings);
    const ports = createEnginePorts({
      settings: () => settings,
      database: new DatabaseService(() => settings, { open: async () => db }),
      stores,
      jobs: ['products'],
    });
    const problem = { entity: 'product', kind: 'sem_preco', message: 'm', fix: 'f' };
    try {
      await ports.withBranchData(branch, ports.store(branch), async (data) => {
        await data.pendings.record({ ...problem, erpKey: '1' });
        await data.pendings.record({ ...problem, erpKey: '2' });
      });
      const writes: string[] = [];
      const execute = db.execute.bind(db);
      const executeReturning = db.executeReturning.bind(db);
      db.execute = async (sql, binds) => {
        writes.push(sql);
        return execute(sql, binds);
      };
      const executeMany = db.executeMany.bind(db);
      db.executeMany = async (sql, binds) => {
        writes.push(sql);
        return executeMany(sql, binds);
      };
      db.executeReturning = async (sql, binds, out) => {
        writes.push(sql);
        return executeReturning(sql, binds, out);
      };
      await ports.withBranchData(branch, ports.store(branch), async (data) => {
        expect([...(await data.pendings.openKeys('product'))].sort()).toEqual(['1', '2']);
        expect(await data.pendings.resolve('product', ['1', '3', '4', '5'])).toBe(1);
        // Only key 1 was open: one statement closes it (keys 3-5 cost no write) and one history line says so.
        expect(writes.filter((sql) => /UPDATE WTC_PENDING\b/.test(sql))).toHaveLength(1);
        expect(writes.filter((sql) => sql.includes('WTC_PENDING_EVENT'))).toHaveLength(1);
        expect(writes).toHaveLength(2);
        expect(await data.pendings.resolve('product', ['1'])).toBe(0);
        await data.pendings.record({ ...problem, erpKey: '5' });
        expect(await data.pendings.resolve('product', ['5'])).toBe(1);
        expect([...(await data.pendings.openKeys('product'))]).toEqual(['2']);
      });
      const open = await db.query(
        `SELECT WTC_PENDING.ERP_KEY FROM WTC_PENDING WHERE WTC_PENDING.STATUS = 'open' ORDER BY WTC_PENDING.ERP_KEY`,
      );
      expect(open.map((row) => row.ERP_KEY)).toEqual(['2']);
    } finally {
      stores.close();
      await db.close();
    }
  });
});
