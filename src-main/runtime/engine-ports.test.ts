import { afterEach, describe, expect, it } from 'vitest';
import { StoreClientRegistry } from '../ciashop/store-registry';
import { Branch, defaultSettings, type Settings } from '../contract';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { DatabaseService } from '../winthor/database-service';
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
    });
    const store = ports.store(branch);
    expect(store.budget()).toEqual({ remaining: null, limit: null });
    await store.setStock('1', '1', 1).catch(() => {}); // 404 (no such variant): still a reading
    // "1000/999": 999 left or 999 used? The client's own guess (1 left) must not stop the catalogue jobs.
    expect(store.budget()).toEqual({ remaining: null, limit: 1000 });
    for (let i = 0; i < 3; i++) await store.setStock('1', '1', 1).catch(() => {});
    expect(store.budget()).toEqual({ remaining: 996, limit: 1000 });
  });
});
