import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSandboxState, SandboxStateWriter, type SandboxState } from './sandbox-state';
import { startStoreSandbox, type StoreSandbox } from './store-sandbox';

let dir: string;
let file: string;
const running: StoreSandbox[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-sandbox-state-'));
  file = join(dir, 'loja-sandbox.json');
});
afterEach(async () => {
  for (const sandbox of running.splice(0)) await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = async (options: Parameters<typeof startStoreSandbox>[0] = {}) => {
  const sandbox = await startStoreSandbox({ stateFile: file, saveDebounceMs: 20, ...options });
  running.push(sandbox);
  return sandbox;
};
const stop = async (sandbox: StoreSandbox) => {
  running.splice(running.indexOf(sandbox), 1);
  await sandbox.stop();
};

const call = async (s: StoreSandbox, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${s.apiRoot}${path}`, {
    method,
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('store sandbox state file', () => {
  it('a restarted sandbox is the same store: catalogue, stock, prices, acknowledged orders, ids that continue', async () => {
    const first = await start({ orders: 10 });
    const department = await call(first, 'POST', 'departments', { name: 'Bebidas', visible: true });
    const product = await call(first, 'POST', 'products', {
      name: 'Água 500 ml',
      erpId: '7',
      mainDepartmentId: department.body.id,
      variants: [{ erpId: '7', price: 2.5, quantity: 10 }],
    });
    expect(product.status).toBe(201);
    expect((await call(first, 'POST', 'variants/7/warehouses/2/inventory', { quantity: 4 })).status).toBe(
      200,
    );
    expect(
      (await call(first, 'POST', 'variantsErpId/7/pricingtablesErpId/1/price', { price: 2.75 })).status,
    ).toBe(200);
    expect((await call(first, 'POST', 'orders/statusProcessed', [100_001])).status).toBe(200);
    await stop(first);

    const { state, warning } = readSandboxState(file);
    expect(warning).toBeNull();
    expect(state).toMatchObject({ version: 1, storeId: first.storeId, url: first.url });
    const again = await start({ state, orders: 10 });
    expect(again.storeId).toBe(first.storeId);
    const stored = again.catalog.findProductByErpId('7')!;
    expect(stored).toMatchObject({ id: product.body.id, mainDepartmentId: department.body.id });
    expect(stored.variants[0]).toMatchObject({ price: 2.75, quantity: 10 });
    expect(again.catalog.stock.get('7|2')).toBe(4);
    expect(again.orders.isProcessed(100_001)).toBe(true);
    // Known erpIds still conflict; new ids continue after the saved ones.
    expect((await call(again, 'POST', 'products', { name: 'x', erpId: '7' })).status).toBe(409);
    const next = await call(again, 'POST', 'products', {
      name: 'Suco',
      erpId: '8',
      variants: [{ erpId: '8' }],
    });
    expect(Number(next.body.id)).toBeGreaterThan(Number(product.body.id));
    const variants = (next.body.variants as Array<{ id: number }>).map((v) => v.id);
    expect(variants[0]).toBeGreaterThan((stored.variants[0]!.id as number) ?? 0);
  });

  it('saves after changes, debounced, atomically (no temporary file left), and not for reads or refusals', async () => {
    let saved = 0;
    const snapshot = (): SandboxState => {
      saved += 1;
      return {
        version: 1,
        storeId: 's',
        url: 'http://127.0.0.1:1',
        savedAt: new Date().toISOString(),
        catalog: {
          nextIds: { department: 1, product: 1, variant: 1 },
          departments: [],
          products: [],
          stock: [],
          prices: [],
        },
        orders: { processed: [], statusOverrides: [] },
        orderStatusUpdates: [],
      };
    };
    const writer = new SandboxStateWriter(file, snapshot, { debounceMs: 30, maxDelayMs: 1000 });
    for (let i = 0; i < 100; i++) writer.changed();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(writer.writeCount()).toBe(1);
    expect(saved).toBe(1);
    await writer.flush(); // nothing changed since
    expect(writer.writeCount()).toBe(1);
    expect(readdirSync(dir)).toEqual(['loja-sandbox.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, storeId: 's' });

    const sandbox = await start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const before = readFileSync(file, 'utf8');
    await fetch(`${sandbox.apiRoot}departments`, { headers: { Authorization: `Bearer ${sandbox.token}` } });
    await call(sandbox, 'POST', 'products', { name: 'sem erpId' }); // 400: nothing changed
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a file that is not a sandbox state is moved aside with a pt-BR warning; the store starts empty', () => {
    writeFileSync(file, '{"version": 1, "storeId": "x"');
    const { state, warning } = readSandboxState(file);
    expect(state).toBeNull();
    expect(warning).toMatch(/não pôde ser lido.*a loja começa vazia.*guardado em/);
    expect(readdirSync(dir).some((name) => name.startsWith('loja-sandbox.json.invalido-'))).toBe(true);
    expect(readSandboxState(file)).toEqual({ state: null, warning: null });
  });
});
