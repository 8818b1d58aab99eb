import { describe, expect, it } from 'vitest';
import { resolveCustomer } from './customer-resolution';
import { KeyedQueue } from '../../shared/keyed-queue';
import type { OrderAddress, OrderCustomer } from './order-input';
import type { OrderData } from './order-ports';

const address: OrderAddress = {
  street: 'Rua A',
  number: '1',
  complement: '',
  district: 'Centro',
  city: 'Porto Alegre',
  state: 'RS',
  zip: '90010100',
  ibgeCode: '4314902',
  reference: '',
  recipient: 'Ana',
};
const person = (document: string): OrderCustomer => ({
  name: 'Ana Souza',
  document,
  company: false,
  ie: null,
  email: null,
  phone: null,
  billing: address,
});

/** WinThor's customers as the order import sees them, each creation taking a while (as Oracle does). */
const fakeWinthor = () => {
  const customers: Array<{ document: string; codcli: number }> = [];
  const data = {
    findCustomer: async ({ document }: { document: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return customers.find((c) => c.document === document) ?? null;
    },
    findCity: async () => ({ codcidade: 1, name: 'PORTO ALEGRE', state: 'RS' }),
    customerDefaults: async () => ({}),
    createCustomer: async (customer: { document: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const codcli = 5000 + customers.length;
      customers.push({ document: customer.document.replace(/\D/g, ''), codcli });
      return codcli;
    },
  } as unknown as OrderData;
  return { data, customers };
};

describe('one customer per document, however many orders of that person arrive at once', () => {
  it('two orders of the same new customer at the same time create it once; the second finds it', async () => {
    const { data, customers } = fakeWinthor();
    const [first, second, other] = await Promise.all([
      resolveCustomer(data, { kind: 'order', id: '1' }, person('39053344705'), address, []),
      resolveCustomer(data, { kind: 'order', id: '2' }, person('39053344705'), address, []),
      resolveCustomer(data, { kind: 'order', id: '3' }, person('11144477735'), address, []),
    ]);
    expect(customers.map((c) => c.document)).toEqual(['39053344705', '11144477735']);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false });
    expect(second.ok && first.ok && second.codcli).toBe(first.ok && first.codcli);
    expect(other).toMatchObject({ ok: true, created: true });
  });

  it('the queue runs one task at a time per key, keys side by side, goes on after a failure, keeps nothing', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        events.push(`${name}:start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        events.push(`${name}:end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('a', task('a1', 20, true)),
      queue.run('a', task('a2', 1)),
      queue.run('b', task('b1', 5)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(events.indexOf('a2:start')).toBeGreaterThan(events.indexOf('a1:end'));
    expect(events.indexOf('b1:start')).toBeLessThan(events.indexOf('a1:end'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.size).toBe(0);
  });
});
