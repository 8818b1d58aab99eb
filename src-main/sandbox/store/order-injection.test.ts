import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStoreSandbox, type StoreSandbox } from './store-sandbox';

let sandbox: StoreSandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const call = (s: StoreSandbox, method: string, path: string, body?: unknown) =>
  fetch(`${s.apiRoot}${path}`, {
    method,
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

describe('POST orders: the store sandbox takes any order and keeps it in the demo folder', () => {
  it('fills what is missing, lists it in the pulls, acknowledges it, and keeps it across a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-inject-'));
    const file = join(dir, 'loja-sandbox-pedidos.json');
    sandbox = await startStoreSandbox({ orders: 2, injectedOrdersFile: file });
    const created = await call(sandbox, 'POST', 'orders', {
      orderItems: [{ erpId: '7', price: 10.5, quantity: 2 }],
      shippingMethod: { id: 1, name: 'PAC', cost: 5 },
    });
    expect(created.status).toBe(201);
    const order = (await created.json()) as { id: number; total: number; status: string; subTotal: number };
    expect(order).toMatchObject({ id: 900_001, status: 'PaymentApproved', subTotal: 21, total: 26 });
    const pull = await call(sandbox, 'GET', 'orders?status[]=PaymentApproved&statusProcessed=false&limit=50');
    const ids = ((await pull.json()) as Array<{ id: number }>).map((o) => o.id);
    expect(ids).toContain(900_001);
    expect((await call(sandbox, 'POST', 'orders/statusProcessed', [900_001])).status).toBe(200);
    expect(sandbox.orders.isProcessed(900_001)).toBe(true);
    expect((await call(sandbox, 'POST', 'orders', { nope: 1 })).status).toBe(400);
    await sandbox.stop();
    expect(JSON.parse(readFileSync(file, 'utf8')).orders).toHaveLength(1);

    sandbox = await startStoreSandbox({ orders: 2, injectedOrdersFile: file });
    expect(sandbox.orders.get(900_001)).toMatchObject({ id: 900_001, statusProcessed: true, total: 26 });
    // A cancellation brings it back to the unprocessed pull.
    sandbox.orders.setStatus(900_001, 'Cancelled');
    const again = await call(sandbox, 'GET', 'orders?status[]=Cancelled&statusProcessed=false');
    expect(((await again.json()) as Array<{ id: number }>).map((o) => o.id)).toEqual([900_001]);
    expect((await call(sandbox, 'POST', 'orders', { id: 900_001, orderItems: [] })).status).toBe(201);
    expect(sandbox.injected.list().map((o) => o.id)).toEqual([900_001, 900_002]);
  });
});
