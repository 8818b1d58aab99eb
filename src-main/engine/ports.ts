import type { BudgetLeft } from '../ciashop/api-budget';
import type { Branch, ScheduleJob, Settings } from '../contract';
import type { Clock } from '../shared/clock';
import type {
  ChangeBatch,
  LogRecord,
  PendingProblem,
  PriceItem,
  RunRecord,
  RunStatus,
  RunTrigger,
  BindingState,
  StoreBinding,
  WinthorCategory,
  WinthorProduct,
} from '../winthor';
import type { StockItem } from './domain/stock-rule';
import type { Department, DepartmentInput, PriceInput, Product, ProductInput } from '../ciashop/schemas';
import type { OrderData, OrderStoreGateway } from './orders/order-ports';

/**
 * The engine's seam (architecture.md): what jobs read and write, as interfaces. The composition root
 * (src-main/runtime/engine-ports.ts) implements them on the WinThor database and the store client; tests
 * use the same implementations on the embedded database and the store sandbox, or fakes.
 */

/** A product as the catalogue jobs read it: WinThor's row plus whether it is published. */
export type CatalogueProduct = WinthorProduct & { published: boolean };

/** WinThor's catalogue for one branch (its stock formula, 2829, price column and region applied). */
export interface CatalogueSource {
  categories(): Promise<WinthorCategory[]>;
  products(codprods: readonly number[]): Promise<CatalogueProduct[]>;
  /** Published products in CODPROD order, a page at a time (memory stays flat). */
  publishedProductPages(pageSize: number): AsyncIterable<WinthorProduct[]>;
  stock(codprods: readonly number[]): Promise<StockItem[]>;
  prices(codprods: readonly number[]): Promise<PriceItem[]>;
}

/** The change queue filled by WinThor's triggers, as one branch sees it. */
export interface ChangeFeed {
  /** Oldest changes of an entity for this branch, coalesced by key. */
  read(entity: string, limit: number): Promise<ChangeBatch>;
  /** Deletes exactly these queue rows (handled). */
  done(ids: readonly number[]): Promise<void>;
  /** How many queue rows wait for this branch (Painel backlog). */
  backlog(entity: string): Promise<number>;
}

/** What the store has of each item, per store (ADR 0107). */
export interface BindingStore {
  get(entity: string, erpKeys: readonly string[]): Promise<Map<string, BindingState>>;
  save(binding: Omit<StoreBinding, 'storeKey' | 'sentAt'>): Promise<void>;
  /** Bound, visible products that WinThor no longer publishes (reconcile only). */
  productsNotPublished(limit: number): Promise<StoreBinding[]>;
  count(entity: string): Promise<number>;
}

export interface PendingStore {
  /**
   * Opens or updates the item's pendência. `kindChanged`: new, reopened, or of another kind than before
   * (what a log line worth writing again is; the message's text may differ only by the database's charset).
   */
  record(problem: Omit<PendingProblem, 'branch'>): Promise<{ created: boolean; kindChanged?: boolean }>;
  /** Resolves the keys among the open pendências read once per run (cheap for many items that are fine). */
  resolve(entity: string, erpKeys: readonly string[]): Promise<number>;
  /**
   * Resolves these keys' open or ignored pendências whatever the run read at its start: a staged order's, whose
   * pendência may have been ignored, reopened or decided on while the run was going (ADR 0219).
   */
  resolveKeys(entity: string, erpKeys: readonly string[], message?: string): Promise<number>;
  /** Every open pendência's key of an entity in this branch. */
  openKeys(entity: string): Promise<Set<string>>;
  /** The keys due for another attempt now (a refused item waits longer each time), oldest first. */
  dueKeys(entity: string): Promise<Set<string>>;
}

/** Everything a job touches on the database, bound to one branch and its store. */
export interface BranchData {
  catalogue: CatalogueSource;
  changes: ChangeFeed;
  bindings: BindingStore;
  pendings: PendingStore;
  /** The order import's records, WinThor's customers and staging tables (engine/orders). */
  orders: OrderData;
  /** The store calls of the order jobs; each counted by the job in the run's storeCalls. */
  orderStore: OrderStoreGateway;
}

/** The store calls the catalogue jobs make (one store client per store: budget, spacing, breaker). */
export interface StoreGateway {
  /** Identifies the store across branches (hash of its normalised API root). */
  readonly storeKey: string;
  createDepartment(input: DepartmentInput): Promise<Department>;
  updateDepartment(id: number, input: DepartmentInput): Promise<Department>;
  /** The store's department with this erpId (after a 409 on create: it exists already). */
  findDepartmentByErpId(erpId: string): Promise<Department | null>;
  createProduct(input: ProductInput): Promise<Product>;
  /** The store's product with this erpId (after a 409 on create: it exists already). */
  findProductByErpId(erpId: string): Promise<Product | null>;
  updateProduct(id: number, input: ProductInput): Promise<Product>;
  setStock(variantErpId: string, warehouseErpId: string, quantity: number): Promise<void>;
  setPrice(variantErpId: string, tableErpId: string, price: PriceInput): Promise<void>;
  /** Calls sent so far by this store's client (for the run's "store calls" count). */
  calls(): number;
  /** Calls left this hour (null = not known yet), the hourly limit, and the store's "stop" (ADR 0033). */
  budget(): BudgetLeft;
}

export interface RunStore {
  start(run: { job: ScheduleJob; branch: string; trigger: RunTrigger; startedAt: Date }): Promise<number>;
  finish(
    id: number,
    result: { status: RunStatus; finishedAt: Date; counts: Record<string, number>; message: string | null },
  ): Promise<void>;
  latest(branch: string): Promise<RunRecord[]>;
  list(filter: {
    branch?: string;
    job?: ScheduleJob;
    beforeId?: number;
    limit?: number;
  }): Promise<RunRecord[]>;
  /** Runs left "running" become interrupted, except these run ids (this engine's own, still under way). */
  markInterrupted(at: Date, except?: readonly number[]): Promise<number>;
}

export interface LogSink {
  write(lines: readonly LogRecord[]): Promise<void>;
}

/** What the runtime hands the engine (one factory wires them: runtime/engine-ports.ts). */
export interface EnginePorts {
  settings(): Settings;
  /** Runs `work` with the database bound to a branch and its store (held open for the whole work). */
  withBranchData<T>(branch: Branch, store: StoreGateway, work: (data: BranchData) => Promise<T>): Promise<T>;
  /** The store of a branch; throws AppError (pt-BR, naming the field) when it is not configured. */
  store(branch: Branch): StoreGateway;
  runs: RunStore;
  logs: LogSink;
  /** Queue rows waiting and open pendências of a branch, by entity (Painel). */
  branchCounts(
    branch: string,
  ): Promise<{ backlog: Record<string, number>; openPendings: Record<string, number> }>;
  clock: Clock;
}
