import { describe, expect, it } from 'vitest';
import type { StoreBinding } from '../../winthor';
import type { JobContext } from '../job-context';
import type { BindingStore } from '../ports';
import { pageBindings } from './page-bindings';

/** Bindings in a map, counting the keys each read asks for. */
const memoryBindings = () => {
  const rows = new Map<string, StoreBinding>();
  const reads: string[][] = [];
  const store: BindingStore = {
    get: async (entity, keys) => {
      reads.push([...keys]);
      const out = new Map<string, StoreBinding>();
      for (const key of keys) {
        const row = rows.get(`${entity}|${key}`);
        if (row) out.set(key, row);
      }
      return out;
    },
    save: async (binding) =>
      void rows.set(`${binding.entity}|${binding.erpKey}`, { ...binding, storeKey: 's', sentAt: null }),
    productsNotPublished: async () => [],
    count: async () => rows.size,
  };
  return { store, rows, reads };
};

const contextWith = (bindings: BindingStore) =>
  ({
    data: { bindings },
    store: { storeKey: 's' },
    now: () => new Date(2026, 0, 1),
  }) as unknown as JobContext;

describe('a reconcile page reads its bindings once', () => {
  it('asks the database only for keys it has not read; a save is seen by the next read', async () => {
    const { store, reads } = memoryBindings();
    await store.save({ entity: 'product', erpKey: '1', storeId: '10', payloadHash: 'h1', hidden: false });
    const page = pageBindings(contextWith(store));
    expect([...(await page.get('product', ['1', '2'])).keys()]).toEqual(['1']);
    expect([...(await page.get('product', ['2', '1'])).keys()]).toEqual(['1']);
    expect(reads).toEqual([['1', '2']]);
    // Product 2 is created on this page: its price and stock see it bound without reading again.
    await page.save({ entity: 'product', erpKey: '2', storeId: '20', payloadHash: 'h2', hidden: false });
    expect((await page.get('product', ['1', '2'])).get('2')).toMatchObject({
      storeId: '20',
      payloadHash: 'h2',
    });
    expect(reads).toEqual([['1', '2']]);
    // Another entity, or a key not read yet, is read.
    await page.get('price', ['1:1']);
    await page.get('product', ['1', '3']);
    expect(reads).toEqual([['1', '2'], ['1:1'], ['3']]);
    // The save reached the database.
    expect((await store.get('product', ['2'])).get('2')?.storeId).toBe('20');
  });
});
