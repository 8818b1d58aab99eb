import type { PendingStore } from '../engine/ports';
import { openPendingKeys, recordPending, resolvePendings, type Db } from '../winthor';

/**
 * One branch's pendências for one run. The open keys of each entity are read once, so that resolving the
 * many items that are fine (every unchanged product of a reconcile) costs no statement at all: only a key
 * that has an open pendência is updated.
 */
export const pendingStore = (db: Db, branch: string, now: () => Date): PendingStore => {
  const open = new Map<string, Promise<Set<string>>>();
  const openOf = (entity: string) => {
    let keys = open.get(entity);
    if (!keys) {
      keys = openPendingKeys(db, entity, branch, { limit: 1_000_000 });
      open.set(entity, keys);
    }
    return keys;
  };
  return {
    record: async (problem) => {
      const result = await recordPending(db, { ...problem, branch }, now());
      (await openOf(problem.entity)).add(problem.erpKey);
      return result;
    },
    resolve: async (entity, keys) => {
      const known = await openOf(entity);
      const closing = keys.filter((key) => known.has(key));
      if (closing.length === 0) return 0;
      for (const key of closing) known.delete(key);
      return resolvePendings(
        db,
        closing.map((erpKey) => ({ entity, branch, erpKey })),
        now(),
      );
    },
    resolveKeys: async (entity, keys, message) => {
      if (keys.length === 0) return 0;
      const known = await openOf(entity);
      for (const key of keys) known.delete(key);
      return resolvePendings(
        db,
        keys.map((erpKey) => ({ entity, branch, erpKey })),
        now(),
        message ?? null,
      );
    },
    openKeys: async (entity) => new Set(await openOf(entity)),
    dueKeys: async (entity) => openPendingKeys(db, entity, branch, { dueAt: now(), limit: 1000 }),
  };
};
