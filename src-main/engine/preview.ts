import type { Branch, SyncPreview } from '../contract';
import type { StoreBinding } from '../winthor';
import type { JobContext } from './job-context';
import { reconcile } from './jobs/reconcile-job';
import type { BranchData, EnginePorts, StoreGateway } from './ports';
import { emptyCounts } from './run-counts';

/** The hourly limit assumed for the estimate until the store has told its own. */
export const DEFAULT_HOURLY_LIMIT = 1000;
const SAMPLES_PER_ACTION = 2;
/** Bindings the preview keeps in memory at most (several pages' worth). */
const OVERLAY_LIMIT = 20_000;

type Action = SyncPreview['actions'][number]['action'];

/**
 * "Prévia" of the first sync: the reconcile runs against a store that records instead of sending, and
 * bindings and pendências that live only in memory — so the operator sees what would be created, updated
 * and hidden, with sample payloads and the time it takes at the store's budget, and nothing is written to
 * the store or to the database.
 */
export const previewBranch = async (ports: EnginePorts, branch: Branch): Promise<SyncPreview> => {
  const real = ports.store(branch);
  const tally = new Map<string, number>();
  const samples: SyncPreview['samples'] = [];
  let calls = 0;
  let fakeId = 0;
  const note = (entity: string, action: Action, payload?: unknown) => {
    const key = `${entity}|${action}`;
    const count = (tally.get(key) ?? 0) + 1;
    tally.set(key, count);
    if (payload !== undefined && count <= SAMPLES_PER_ACTION) samples.push({ entity, action, payload });
  };
  const recording: StoreGateway = {
    storeKey: real.storeKey,
    createDepartment: async (input) => {
      calls += 1;
      note('categories', 'create', input);
      return { id: --fakeId, name: input.name };
    },
    updateDepartment: async (id, input) => {
      calls += 1;
      note('categories', input.visible === false ? 'hide' : 'update', input);
      return { id, name: input.name };
    },
    findDepartmentByErpId: async () => null,
    findProductByErpId: async () => null,
    createProduct: async (input) => {
      calls += 1;
      note('products', 'create', input);
      return { id: --fakeId, name: input.name, erpId: input.erpId };
    },
    updateProduct: async (id, input) => {
      calls += 1;
      note('products', input.blocked ? 'hide' : 'update', input);
      return { id, name: input.name, erpId: input.erpId };
    },
    setStock: async (variantErpId, warehouseErpId, quantity) => {
      calls += 1;
      note('stock', 'update', { variantErpId, warehouseErpId, quantity });
    },
    setPrice: async (variantErpId, tableErpId, price) => {
      calls += 1;
      note('prices', 'update', { variantErpId, tableErpId, ...price });
    },
    calls: () => calls,
    budget: () => ({ remaining: null, limit: null }),
  };
  const counts = emptyCounts();
  await ports.withBranchData(branch, recording, async (data) => {
    const overlay = new Map<string, StoreBinding>();
    const dry: BranchData = {
      catalogue: data.catalogue,
      // The preview runs the reconcile only: the order import is not part of it.
      orders: data.orders,
      orderStore: data.orderStore,
      changes: {
        read: async () => ({ ids: [], changes: [] }),
        done: async () => {},
        backlog: data.changes.backlog,
      },
      bindings: {
        get: async (entity, keys) => {
          const found = await data.bindings.get(entity, keys);
          for (const key of keys) {
            const own = overlay.get(`${entity}|${key}`);
            if (own) found.set(key, own);
          }
          return found;
        },
        save: async (binding) => {
          // Memory stays flat on a big catalogue: what one page of the reconcile needs (its products, their
          // prices and stock) and every category; older product entries are dropped.
          if (binding.entity !== 'category' && overlay.size >= OVERLAY_LIMIT) {
            for (const key of overlay.keys()) {
              if (!key.startsWith('category|')) {
                overlay.delete(key);
                break;
              }
            }
          }
          overlay.set(`${binding.entity}|${binding.erpKey}`, {
            ...binding,
            storeKey: recording.storeKey,
            sentAt: new Date(ports.clock.now()),
          });
        },
        productsNotPublished: data.bindings.productsNotPublished,
        count: data.bindings.count,
      },
      pendings: {
        record: async (problem) => {
          note(entityLabel(problem.entity), problem.kind === 'aguardando_categoria' ? 'deferred' : 'problem');
          return { created: true };
        },
        resolve: async () => 0,
        resolveKeys: async () => 0,
        openKeys: async () => new Set<string>(),
        dueKeys: async () => new Set<string>(),
      },
    };
    const context: JobContext = {
      job: 'reconcile',
      branch,
      runId: 0,
      data: dry,
      store: recording,
      signal: new AbortController().signal,
      counts,
      mayCall: () => true,
      now: () => new Date(ports.clock.now()),
      log: () => {},
      progress: () => {},
    };
    await reconcile(context);
  });
  if (counts.unchanged > 0) tally.set('all|unchanged', counts.unchanged);
  const limit = real.budget().limit ?? DEFAULT_HOURLY_LIMIT;
  return {
    branch: branch.code,
    actions: [...tally].map(([key, count]) => {
      const [entity, action] = key.split('|') as [string, Action];
      return { entity, action, count };
    }),
    samples,
    storeCalls: calls,
    hourlyLimit: limit,
    estimatedMinutes: Math.ceil((calls / limit) * 60),
    generatedAt: new Date(ports.clock.now()).toISOString(),
  };
};

const ENTITY_LABEL: Record<string, string> = {
  category: 'categories',
  product: 'products',
  price: 'prices',
  stock: 'stock',
};
const entityLabel = (entity: string): string => ENTITY_LABEL[entity] ?? entity;
