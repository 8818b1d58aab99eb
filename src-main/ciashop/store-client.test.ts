import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { OrderCodeCollector } from './order-codes';
import { Customer, type Order } from './schemas';
import { StoreClient, buildQuery, type RequestSpec, type StoreClientOptions } from './store-client';
import { StoreError } from './store-error';
import { storeFailure } from './store-failure.test-support';

let sandbox: StoreSandbox;
let clock: SkippingClock;
const clients: StoreClient[] = [];

const client = (overrides: Partial<StoreClientOptions> = {}): StoreClient => {
  const created = new StoreClient({
    url: sandbox.url,
    token: sandbox.token,
    clock,
    timeoutMs: 2000,
    ...overrides,
  });
  clients.push(created);
  return created;
};

const collect = async <T>(pages: AsyncIterable<T[]>): Promise<T[]> => {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
};

beforeEach(async () => {
  clock = new SkippingClock();
  sandbox = await startStoreSandbox({ orders: 300, budgetPerHour: 0, seed: 7 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await sandbox.stop();
});

describe('StoreClient against the sandbox', () => {
  it('sends the Bearer token and builds bracketed array queries', async () => {
    expect(
      buildQuery({ status: ['PaymentApproved', 'Cancelled'], statusProcessed: false, skip: undefined }),
    ).toBe('?status[]=PaymentApproved&status[]=Cancelled&statusProcessed=false');
    await client().request({ method: 'GET', path: 'departments', safety: 'idempotent' });
    expect(sandbox.counts()['GET departments']).toBe(1);
  });

  it('creates, lists (paged) and updates departments', async () => {
    const c = client();
    for (let i = 0; i < 7; i += 1)
      await c.createDepartment({ name: `Depto ${i}`, sortOrder: i, visible: true });
    const listed = await collect(c.listDepartments(3));
    expect(listed.map((d) => d.name)).toEqual(Array.from({ length: 7 }, (_, i) => `Depto ${i}`));
    expect(sandbox.counts()['GET departments']).toBe(3);
    const updated = await c.updateDepartment(listed[0]!.id, { name: 'Bebidas', visible: false });
    expect(updated.name).toBe('Bebidas');
    expect(sandbox.catalog.departments.get(listed[0]!.id)?.visible).toBe(false);
  });

  it('creates products, finds them by erpId, reports 409 on a duplicate erpId and updates', async () => {
    const c = client();
    const created = await c.createProduct({
      name: 'Arroz 5kg',
      erpId: '10',
      variants: [{ erpId: '10', price: 25.9, ean: '7891234567895' }],
    });
    expect(created.id).toBeGreaterThan(0);
    expect((await c.findProductByErpId('10'))?.name).toBe('Arroz 5kg');
    expect(await c.findProductByErpId('999')).toBeNull();
    const duplicate = await c
      .createProduct({ name: 'Outro', erpId: '10', variants: [] })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(StoreError);
    expect((duplicate as StoreError).kind).toBe('conflict');
    expect((duplicate as StoreError).status).toBe(409);
    expect((duplicate as StoreError).retryable).toBe(false);
    expect(sandbox.counts()['POST products']).toBe(2);
    const updated = await c.updateProduct(created.id, { name: 'Arroz Tipo 1 5kg', erpId: '10' });
    expect(updated.name).toBe('Arroz Tipo 1 5kg');
  });

  it('sets stock per variant and warehouse and price per variant and table (reais)', async () => {
    const c = client();
    await c.createProduct({ name: 'Feijão', erpId: '20', variants: [{ erpId: '20' }] });
    await c.setStock('20', '1', 37);
    await c.setPrice('20', '1', { price: 8.49, salePrice: 7.99 });
    expect(sandbox.catalog.stock.get('20|1')).toBe(37);
    expect(sandbox.catalog.prices.get('20|1')).toEqual({ price: 8.49, salePrice: 7.99 });
    const missing = await storeFailure(c.setStock('404', '1', 1));
    expect(missing.kind).toBe('not_found');
  });

  it('gets customers and searches them by document (punctuation ignored)', async () => {
    const c = client();
    const seeded = sandbox.customers[0]!;
    expect((await c.getCustomer(seeded.id)).name).toBe(seeded.name);
    const formatted = seeded.documentId.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
    const found = await c.findCustomersByDocument(formatted);
    expect(found.map((x) => x.id)).toEqual([seeded.id]);
    expect(await c.findCustomersByDocument('00000000000')).toEqual([]);
    sandbox.faults.add({ type: 'server-error', times: 1 });
    const logged: string[] = [];
    const noisy = client({ log: (_level, message) => logged.push(message) });
    await noisy.findCustomersByDocument(seeded.documentId);
    expect(logged.join('\n')).toContain('documentID=***');
    expect(logged.join('\n')).not.toContain(seeded.documentId);
  });

  it('pulls paid and cancelled orders page by page to the end, then acknowledged orders stop coming back', async () => {
    const c = client();
    const orders = await collect(c.pullOrders({ pageSize: 50 }));
    const expected = sandbox.orders.page(
      { statuses: ['PaymentApproved', 'Cancelled'], unprocessedOnly: true },
      1,
      10_000,
    ).items;
    expect(orders.length).toBe(expected.length);
    expect(orders.length).toBeGreaterThan(200);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['PaymentApproved', 'Cancelled']));
    expect(sandbox.counts()['GET orders']).toBe(Math.ceil(orders.length / 50));
    const query = sandbox.received.find((r) => r.path === 'orders')!.query;
    expect(query).toContain('status[]=PaymentApproved');
    expect(query).toContain('statusProcessed=false');

    expect(orders[0]).toHaveProperty('sourceChannel', 'web'); // fields the schema does not list are kept
    const detail = await c.getOrder(orders[0]!.id);
    expect(detail.orderItems.every((item) => Number(item.erpId) >= 1 && Number(item.erpId) <= 500)).toBe(
      true,
    );

    const acked = orders.slice(0, 60).map((o) => o.id);
    expect(await c.acknowledgeOrders(acked)).toEqual({ status: 'acknowledged', count: 60 });
    const again = await collect(c.pullOrders({ pageSize: 250 }));
    expect(again.length).toBe(orders.length - 60);
    expect(again.some((o) => acked.includes(o.id))).toBe(false);
  });

  it('one stale id in an acknowledgement does not hide that the others were acknowledged', async () => {
    const c = client();
    const ids = (await collect(c.pullOrders({ pageSize: 250 }))).slice(0, 8).map((o) => o.id);
    expect(await c.acknowledgeOrders([...ids, 999_999])).toEqual({ status: 'acknowledged', count: 8 });
    const again = await collect(c.pullOrders({ pageSize: 250 }));
    expect(again.some((o) => ids.includes(o.id))).toBe(false);
  });

  it('reports a store without statusProcessed (404) distinctly', async () => {
    await sandbox.stop();
    sandbox = await startStoreSandbox({ orders: 5, budgetPerHour: 0, statusProcessedImplemented: false });
    const result = await client().acknowledgeOrders([100_001]);
    expect(result.status).toBe('not_implemented');
  });

  it('sends order status, invoice and tracking through the one (unverified) path', async () => {
    const c = client();
    await c.updateOrderStatus(100_001, {
      status: 'SHIPPED',
      invoice: { number: '123', key: '3526…' },
      tracking: { code: 'BR123', carrier: 'Correios' },
    });
    expect(sandbox.orderStatusUpdates).toEqual([
      {
        orderId: 100_001,
        body: {
          status: 'SHIPPED',
          invoice: { number: '123', key: '3526…' },
          tracking: { code: 'BR123', carrier: 'Correios' },
        },
      },
    ]);
    expect((await c.getOrder(100_001)).status).toBe('SHIPPED');
  });

  it('learns payment methods and carriers from pulled orders', async () => {
    const collector = new OrderCodeCollector();
    let pulled: Order[] = [];
    for await (const page of client().pullOrders()) {
      page.forEach((order) => collector.add(order));
      pulled = pulled.concat(page);
    }
    const payments = collector.paymentMethods();
    expect(payments.reduce((sum, p) => sum + p.count, 0)).toBe(pulled.length);
    expect(payments.map((p) => p.code)).toEqual(expect.arrayContaining(['Pix', 'Boleto']));
    expect(collector.carriers().map((c) => c.name)).toContain('Correios PAC');
  });

  it('throws mid-way through paging instead of returning a partial list', async () => {
    const c = client({ retry: { maxAttempts: 2 } });
    const seen: number[] = [];
    const run = async () => {
      for await (const page of c.pullOrders({ pageSize: 50 })) {
        seen.push(page.length);
        if (seen.length === 2) sandbox.faults.add({ type: 'server-error', path: 'orders', times: 10 });
      }
    };
    const error = await storeFailure(run());
    expect(error).toBeInstanceOf(StoreError);
    expect(error.kind).toBe('server');
    expect(seen).toEqual([50, 50]);
  });

  it('reports a response missing a required field as invalid_response naming the field', async () => {
    const c = client();
    const error = await storeFailure(
      c.request({
        method: 'GET',
        path: 'customers/5001',
        safety: 'idempotent',
        schema: (await import('./schemas')).Order,
      }),
    );
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/status|orderItems/);
  });

  it('returns a valid answer as the store sent it: unknown fields kept, nothing filled in (ADR 0206)', async () => {
    const c = client();
    const raw = (await c.request({ method: 'GET', path: 'customers/5001', safety: 'idempotent' })).data;
    const checked = await c.getCustomer(5001);
    expect(checked).toEqual(raw);
    // The sandbox sends fields the schema does not name; they stay.
    expect(Object.keys(Customer.shape)).not.toContain('gender');
    expect(checked).toHaveProperty('gender');
    expect(checked).toHaveProperty('shippingAddresses.0.recipientName');
  });

  it('accepts only answer schemas that check without transforming (output = input)', () => {
    const withDefault = z.looseObject({ tags: z.array(z.string()).default([]) });
    const spec: RequestSpec<z.output<typeof withDefault>> = {
      method: 'GET',
      path: 'x',
      safety: 'idempotent',
      // @ts-expect-error a default changes the answer (its input type differs from its output type)
      schema: withDefault,
    };
    const checking: RequestSpec<z.output<typeof Customer>> = {
      method: 'GET',
      path: 'x',
      safety: 'idempotent',
      schema: Customer,
    };
    expect([spec.schema, checking.schema]).toEqual([withDefault, Customer]);
  });
});
