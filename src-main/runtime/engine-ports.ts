import { createHash } from 'node:crypto';
import { SCHEDULE_JOBS, type Branch, type ScheduleJob, type Settings } from '../contract';
import { budgetDecided, type BudgetLeft, type BudgetSnapshot } from '../ciashop/api-budget';
import type { StoreClientRegistry } from '../ciashop/store-registry';
import { normaliseStoreUrl } from '../shared/store-url';
import { priceColumnFor, priceRegionFor } from '../engine/domain/price-rule';
import { parseStockPercent, stockItemOf } from '../engine/domain/stock-rule';
import type { BranchData, EnginePorts, StoreGateway } from '../engine/ports';
import { queueConsumers } from '../engine/queue-consumers';
import { pendingStore } from './pending-store';
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
  readBranchChanges,
  readParameters,
  branchDefaultRegion,
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

/** The calls left as the priorities see them: the one figure of ADR 0036 (ciashop/api-budget.ts). */
export const budgetForPriorities = (budget: BudgetSnapshot): BudgetLeft => {
  const { blockedUntil, ...left } = budgetDecided(budget);
  return blockedUntil != null ? { ...left, blockedUntil } : left;
};

/** A branch's StoreClient as the engine's StoreGateway. */
const gatewayFor = (stores: StoreClientRegistry, branch: Branch): StoreGateway => {
  const client = stores.forBranch(branch.code);
  return {
    storeKey: storeKeyOf(branch.store.url),
    createDepartment: (input) => client.createDepartment(input),
    updateDepartment: (id, input) => client.updateDepartment(id, input),
    findDepartmentByErpId: (erpId) => client.findDepartmentByErpId(erpId),
    createProduct: (input) => client.createProduct(input),
    findProductByErpId: (erpId) => client.findProductByErpId(erpId),
    updateProduct: (id, input) => client.updateProduct(id, input),
    setStock: (variant, warehouse, quantity) => client.setStock(variant, warehouse, quantity),
    setPrice: (variant, table, price) => client.setPrice(variant, table, price),
    calls: () => client.state().calls,
    budget: () => budgetForPriorities(client.state().budget),
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
  availableJobs: readonly ScheduleJob[],
): BranchData => {
  // The branch's parameters read once per run; the rules that turn them into a query are the engine's.
  let setup: Promise<{ stock: StockQuery; percent: number; price: PriceQuery }> | undefined;
  const branchSetup = () =>
    (setup ??= (async () => {
      const parameters = await readParameters(db, settings.winthor.parameterNames, branch.code);
      const regionParameter = parameters['4014'].value;
      const region = priceRegionFor(
        branch.code,
        regionParameter,
        regionParameter ? null : await branchDefaultRegion(db, branch.code),
      );
      return {
        stock: { branch: branch.code, formula: branch.stock.formula },
        percent: parseStockPercent(parameters['2829'].value),
        price: { region, column: priceColumnFor(parameters['4010'].value) },
      };
    })());
  const consumers = queueConsumers(settings, availableJobs);
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
      stock: async (codprods) => {
        const { stock, percent } = await branchSetup();
        return (await getStock(db, stock, codprods)).map((row) => stockItemOf(row, stock.formula, percent));
      },
      prices: async (codprods) => getPrices(db, (await branchSetup()).price, codprods),
    },
    changes: {
      read: async (entity, limit) => {
        if (!fannedOut) {
          await fanOutChanges(db, consumers);
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
    pendings: pendingStore(db, branch.code, now),
    orders: orderData(db, settings, branch, store.storeKey, now),
    orderStore: orderStoreGateway(stores.forBranch(branch.code)),
  };
};

/** The one factory that wires the engine to the WinThor database and the store clients. */
export const createEnginePorts = (options: {
  settings: () => Settings;
  database: DatabaseService;
  stores: StoreClientRegistry;
  /** The jobs this version runs (the engine's registry): who reads which queue rows. Default: all. */
  jobs?: readonly ScheduleJob[];
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
        work(
          branchData(
            db,
            options.settings(),
            branch,
            store,
            options.stores,
            now,
            options.jobs ?? SCHEDULE_JOBS,
          ),
        ),
      ),
    runs: {
      start: (run) => options.database.use((db) => startRun(db, run)),
      finish: (id, result) => options.database.use((db) => finishRun(db, id, result)),
      latest: (branch) => options.database.use((db) => latestRuns(db, branch)),
      list: (filter) => options.database.use((db) => listRuns(db, filter)),
      markInterrupted: (at, except) => options.database.use((db) => markInterruptedRuns(db, at, except)),
    },
    logs: { write: (lines) => options.database.use((db) => writeLogs(db, lines)) },
    branchCounts: (branch) =>
      options.database.use(async (db) => ({
        backlog: await countBranchBacklog(db, branch),
        openPendings: await countOpenPendings(db, branch),
      })),
  };
};
