import { createHash } from 'node:crypto';
import type { Branch, Settings } from '../contract';
import type { StoreClientRegistry } from '../ciashop/store-registry';
import { normaliseStoreUrl } from '../shared/store-url';
import type { BranchData, EnginePorts, StoreGateway } from '../engine/ports';
import { systemClock, type Clock } from '../shared/clock';
import {
  countBindings,
  countBranchBacklog,
  deleteChanges,
  fanOutChanges,
  findBoundProductsNotPublished,
  finishRun,
  getBindings,
  getPrices,
  getProducts,
  getStock,
  latestRuns,
  listCategories,
  listRuns,
  countOpenPendings,
  listPublishedProducts,
  markInterruptedRuns,
  openPendingKeys,
  priceColumnFor,
  readBranchChanges,
  readParameters,
  recordPending,
  resolvePendings,
  resolvePriceRegion,
  saveBinding,
  startRun,
  writeLogs,
  type Db,
  type PriceQuery,
  type StockQuery,
} from '../winthor';
import type { DatabaseService } from '../winthor/database-service';
import { orderData, orderStoreGateway } from './order-ports';

/** The key of a store in WTC_STORE_BINDING: SHA-256 of its normalised API root (ADR 0107). */
export const storeKeyOf = (url: string): string =>
  createHash('sha256').update(normaliseStoreUrl(url)).digest('hex');

/** A branch's StoreClient as the engine's StoreGateway. */
const gatewayFor = (stores: StoreClientRegistry, branch: Branch): StoreGateway => {
  const client = stores.forBranch(branch.code);
  return {
    storeKey: storeKeyOf(branch.store.url),
    createDepartment: (input) => client.createDepartment(input),
    updateDepartment: (id, input) => client.updateDepartment(id, input),
    createProduct: (input) => client.createProduct(input),
    updateProduct: (id, input) => client.updateProduct(id, input),
    setStock: (variant, warehouse, quantity) => client.setStock(variant, warehouse, quantity),
    setPrice: (variant, table, price) => client.setPrice(variant, table, price),
    calls: () => client.state().calls,
    budget: () => {
      const budget = client.state().budget;
      return { remaining: budget.remaining, limit: budget.limit };
    },
  };
};

/** What a branch reads in WinThor, with its stock formula, 2829, price column (4010) and region (4014). */
const branchData = (
  db: Db,
  settings: Settings,
  branch: Branch,
  store: StoreGateway,
  stores: StoreClientRegistry,
  now: () => Date,
): BranchData => {
  let setup: Promise<{ stock: StockQuery; price: PriceQuery }> | undefined;
  const branchSetup = () =>
    (setup ??= (async () => {
      const parameters = await readParameters(db, settings.winthor.parameterNames, branch.code);
      const region = await resolvePriceRegion(db, branch.code, parameters['4014'].value);
      return {
        stock: {
          branch: branch.code,
          formula: branch.stock.formula,
          percentParameter: parameters['2829'].value,
        },
        price: { region, column: priceColumnFor(parameters['4010'].value) },
      };
    })());
  const served = settings.branches.filter((b) => b.enabled).map((b) => b.code);
  let fannedOut = false;
  return {
    catalogue: {
      categories: () => listCategories(db),
      products: (codprods) => getProducts(db, codprods),
      publishedProductPages: (pageSize) => ({
        async *[Symbol.asyncIterator]() {
          let after = 0;
          for (;;) {
            const page = await listPublishedProducts(db, { afterCodprod: after, limit: pageSize });
            if (page.length === 0) return;
            yield page;
            after = page[page.length - 1]!.codprod;
            if (page.length < pageSize) return;
          }
        },
      }),
      stock: async (codprods) => getStock(db, (await branchSetup()).stock, codprods),
      prices: async (codprods) => getPrices(db, (await branchSetup()).price, codprods),
    },
    changes: {
      read: async (entity, limit) => {
        if (!fannedOut) {
          await fanOutChanges(db, served);
          fannedOut = true;
        }
        return readBranchChanges(db, entity, branch.code, limit);
      },
      done: async (ids) => void (await deleteChanges(db, ids)),
      backlog: async (entity) => (await countBranchBacklog(db, branch.code))[entity] ?? 0,
    },
    bindings: {
      get: (entity, keys) => getBindings(db, store.storeKey, entity, keys),
      save: (binding) => saveBinding(db, { ...binding, storeKey: store.storeKey, sentAt: now() }),
      productsNotPublished: (limit) => findBoundProductsNotPublished(db, store.storeKey, limit),
      count: (entity) => countBindings(db, store.storeKey, entity),
    },
    pendings: {
      record: (problem) => recordPending(db, { ...problem, branch: branch.code }, now()),
      resolve: (entity, keys) =>
        resolvePendings(
          db,
          keys.map((erpKey) => ({ entity, branch: branch.code, erpKey })),
          now(),
        ),
      openKeys: (entity) => openPendingKeys(db, entity, branch.code),
    },
    orders: orderData(db, settings, branch, store.storeKey, now),
    orderStore: orderStoreGateway(stores.forBranch(branch.code)),
  };
};

/** The one factory that wires the engine to the WinThor database and the store clients. */
export const createEnginePorts = (options: {
  settings: () => Settings;
  database: DatabaseService;
  stores: StoreClientRegistry;
  clock?: Clock;
}): EnginePorts => {
  const clock = options.clock ?? systemClock;
  const now = () => new Date(clock.now());
  return {
    settings: options.settings,
    clock,
    store: (branch) => gatewayFor(options.stores, branch),
    withBranchData: (branch, store, work) =>
      options.database.use((db) =>
        work(branchData(db, options.settings(), branch, store, options.stores, now)),
      ),
    runs: {
      start: (run) => options.database.use((db) => startRun(db, run)),
      finish: (id, result) => options.database.use((db) => finishRun(db, id, result)),
      latest: (branch) => options.database.use((db) => latestRuns(db, branch)),
      list: (filter) => options.database.use((db) => listRuns(db, filter)),
      markInterrupted: (at) => options.database.use((db) => markInterruptedRuns(db, at)),
    },
    logs: { write: (lines) => options.database.use((db) => writeLogs(db, lines)) },
    branchCounts: (branch) =>
      options.database.use(async (db) => ({
        backlog: await countBranchBacklog(db, branch),
        openPendings: await countOpenPendings(db, branch),
      })),
  };
};
