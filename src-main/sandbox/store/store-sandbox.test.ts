import { afterEach, describe, expect, it } from 'vitest';
import { isValidCnpj, isValidCpf } from './documents';
import { startStoreSandbox, type StoreSandbox } from './store-sandbox';

let sandbox: StoreSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const call = async (s: StoreSandbox, path: string, init: RequestInit = {}, token = s.token) => {
  const response = await fetch(`${s.apiRoot}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...(init.headers ?? {}),
    },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as unknown,
  };
};

describe('store sandbox (plain HTTP, as any client sees it)', () => {
  it('listens on a random local port and checks the Bearer token with a 401 in the error format', async () => {
    sandbox = await startStoreSandbox({ token: 'segredo' });
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const denied = await call(sandbox, 'departments', {}, 'outro');
    expect(denied.status).toBe(401);
    expect(denied.json()).toMatchObject({ responseCode: '401', errors: [{ code: 'unauthorized' }] });
    expect((await call(sandbox, 'departments')).status).toBe(200);
  });

  it('seeds realistic customers (valid CPF/CNPJ, addresses) and paid orders referencing product codes 1..500', async () => {
    sandbox = await startStoreSandbox({ seed: 3, orders: 200 });
    for (const customer of sandbox.customers) {
      expect(
        customer.documentType === 'CPF' ? isValidCpf(customer.documentId) : isValidCnpj(customer.documentId),
      ).toBe(true);
      expect(customer.billingAddress.zipCode).toMatch(/^\d{8}$/);
      expect(customer.billingAddress.ibgeCode).toMatch(/^\d{7}$/);
    }
    expect(sandbox.customers.some((c) => c.documentType === 'CNPJ')).toBe(true);
    const orders = (
      await call(sandbox, 'orders?status[]=PaymentApproved&statusProcessed=false&limit=250')
    ).json() as Array<{
      status: string;
      orderItems: Array<{ erpId: string }>;
      billing: { documentId: string };
    }>;
    expect(orders.length).toBeGreaterThan(100);
    expect(orders.every((o) => o.status === 'PaymentApproved')).toBe(true);
    const codes = orders.flatMap((o) => o.orderItems.map((i) => Number(i.erpId)));
    expect(Math.min(...codes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...codes)).toBeLessThanOrEqual(500);
    const again = await startStoreSandbox({ seed: 3, orders: 200 });
    expect(again.orders.get(100_001)).toEqual(sandbox.orders.get(100_001));
    await again.stop();
  });

  it('pages with x-hasmore and accepts case-insensitive query names', async () => {
    sandbox = await startStoreSandbox({ orders: 30 });
    const first = await call(sandbox, 'orders?LIMIT=10&page=1');
    expect(first.headers.get('x-hasmore')).toBe('true');
    const last = await call(sandbox, 'orders?limit=10&page=3');
    expect(last.headers.get('x-hasmore')).toBe('false');
    expect((last.json() as unknown[]).length).toBe(10);
  });

  it('answers 409 on a duplicate erpId and 404 for unknown resources', async () => {
    sandbox = await startStoreSandbox();
    const body = JSON.stringify({ name: 'Arroz', erpId: '1', variants: [{ erpId: '1' }] });
    expect((await call(sandbox, 'products', { method: 'POST', body })).status).toBe(201);
    const duplicate = await call(sandbox, 'products', { method: 'POST', body });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json()).toMatchObject({ responseCode: '409' });
    expect((await call(sandbox, 'nada')).status).toBe(404);
  });

  it('acknowledged orders stop coming back', async () => {
    sandbox = await startStoreSandbox({ orders: 10 });
    const pull = async () =>
      ((await call(sandbox!, 'orders?statusProcessed=false&limit=250')).json() as Array<{ id: number }>).map(
        (o) => o.id,
      );
    const before = await pull();
    const ack = await call(sandbox, 'orders/statusProcessed', {
      method: 'POST',
      body: JSON.stringify(before.slice(0, 4)),
    });
    expect(ack.status).toBe(200);
    expect(await pull()).toEqual(before.slice(4));
  });

  it('has an hourly budget that really runs out (429 + Retry-After) and resets the next hour', async () => {
    let now = Date.UTC(2026, 10, 28, 10, 59, 0);
    sandbox = await startStoreSandbox({ budgetPerHour: 2, now: () => now });
    expect((await call(sandbox, 'departments')).headers.get('x-apilimit-remaining')).toBe('2/1');
    expect((await call(sandbox, 'departments')).headers.get('x-apilimit-remaining')).toBe('2/0');
    const refused = await call(sandbox, 'departments');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    now += 61_000;
    expect((await call(sandbox, 'departments')).status).toBe(200);
  });

  it('switches faults through the HTTP admin endpoint and reports what it received', async () => {
    sandbox = await startStoreSandbox();
    const admin = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify([
        { type: 'server-error', status: 503, times: 1 },
        { type: 'error-200', times: 1, path: 'customers' },
      ]),
    });
    expect(admin.status).toBe(200);
    expect((await call(sandbox, 'departments')).status).toBe(503);
    expect((await call(sandbox, 'departments')).status).toBe(200);
    const with200 = await call(sandbox, 'customers');
    expect(with200.status).toBe(200);
    expect(with200.json()).toMatchObject({ responseCode: '500' });
    const inspect = (await (await fetch(`${sandbox.url}/__sandbox/inspect`)).json()) as {
      counts: Record<string, number>;
    };
    expect(inspect.counts['GET departments']).toBe(2);
    const bad = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: '{"type":"boom"}' });
    expect(bad.status).toBe(400);
  });

  it('resets the connection and sends truncated JSON on command', async () => {
    sandbox = await startStoreSandbox();
    sandbox.faults.add({ type: 'reset', times: 1 });
    await expect(call(sandbox, 'departments')).rejects.toThrow();
    sandbox.faults.add({ type: 'truncated-json', times: 1 });
    const truncated = await call(sandbox, 'orders');
    expect(() => truncated.json()).toThrow();
  });
});
