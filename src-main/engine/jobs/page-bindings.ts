import type { BindingState } from '../../winthor';
import type { JobContext } from '../job-context';
import type { BindingStore } from '../ports';

/** The bindings a sender reads and writes: the branch's own, or one reconcile page's (below). */
export type BindingAccess = Pick<BindingStore, 'get' | 'save'>;

/**
 * One reconcile page's bindings, each key read at most once: the products, then their prices, then their
 * stock all ask for the page's product bindings — three reads of the same 500 keys without this. Saves go
 * to the database at once and update what the page has read, so the price and stock of a product created
 * on this page see it bound, as they would reading again. Lives for one page: memory stays flat.
 */
export const pageBindings = (context: JobContext): BindingAccess => {
  const { bindings } = context.data;
  /** entity → key → binding, or null when the database has none. */
  const known = new Map<string, Map<string, BindingState | null>>();
  const entriesOf = (entity: string) => {
    let entries = known.get(entity);
    if (!entries) known.set(entity, (entries = new Map()));
    return entries;
  };
  return {
    get: async (entity, keys) => {
      const entries = entriesOf(entity);
      const missing = keys.filter((key) => !entries.has(key));
      if (missing.length > 0) {
        const found = await bindings.get(entity, missing);
        for (const key of missing) entries.set(key, found.get(key) ?? null);
      }
      const out = new Map<string, BindingState>();
      for (const key of keys) {
        const binding = entries.get(key);
        if (binding) out.set(key, binding);
      }
      return out;
    },
    save: async (binding) => {
      await bindings.save(binding);
      entriesOf(binding.entity).set(binding.erpKey, { ...binding, storeKey: context.store.storeKey });
    },
  };
};
