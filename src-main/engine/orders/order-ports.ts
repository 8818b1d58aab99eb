import type { Branch, OrderImportSettings } from '../../contract';
import type { AcknowledgeResult } from '../../ciashop/store-client';
import type { OrderPage } from '../../ciashop/order-page';
import type { Customer, OrderStatusUpdate } from '../../ciashop/schemas';
import type {
  CustomerMatch,
  NewCustomer,
  OrderStatus,
  PossibleDuplicate,
  PriceItem,
  PulledOrder,
  StagedOrder,
  StagingKey,
  StagingResult,
  StoreCodeSighting,
  StoreOrderRecord,
  StoreOrderState,
  WinthorCity,
} from '../../winthor';
import type { CustomerDefaults } from '../../winthor/repositories/customer-defaults';

/**
 * What staging did: `staged`; `raced` (another run staged it first, or the old staging is no longer a
 * rejected one: nothing written); `duplicate` (ADR 0214: the same order is already in WinThor under
 * another store key or by NUMPEDCLI — nothing written).
 */
export type StageOutcome =
  | {
      status: 'staged';
      /** Set when the second guard found a possible duplicate and the operator said "import anyway" (ADR 0219). */
      importedAnyway?: { duplicate: PossibleDuplicate; at: Date; actor: string | null };
    }
  | { status: 'raced' }
  | { status: 'duplicate'; duplicate: PossibleDuplicate };

/**
 * What the order jobs read and write in WinThor for one branch (implemented on the Db port in
 * runtime/engine-ports.ts). Every call is short: no WinThor row lock is held across other work.
 */
export interface OrderData {
  /** The import's settings (price tolerance, cursor overlap, customer updates). */
  options(): { orders: OrderImportSettings; customers: { updateExisting: boolean }; branches: Branch[] };
  /** The unique-key record of a pulled order, created before anything else (ADR 0114). */
  record(
    order: Omit<PulledOrder, 'storeKey' | 'branch'>,
  ): Promise<{ record: StoreOrderRecord; created: boolean }>;
  get(storeOrderIds: readonly string[]): Promise<Map<string, StoreOrderRecord>>;
  byId(id: number): Promise<StoreOrderRecord | undefined>;
  refresh(
    id: number,
    pulled: { storeStatus: string; payload: string; storeTotal: number | null },
  ): Promise<number>;
  setStoreStatus(id: number, storeStatus: string): Promise<void>;
  move(
    id: number,
    from: readonly StoreOrderState[],
    to: StoreOrderState,
    fields?: { message?: string | null; numped?: number | null; codcli?: number | null },
  ): Promise<number>;
  /**
   * In ONE transaction: moves the record to `staged` (only from a stageable state) and writes PCPEDCFV +
   * PCPEDIFV; with `replacing`, first removes that rejected staging (reprocessar). False (nothing written)
   * when another run staged it first or the old staging is no longer a rejected one. A possible duplicate
   * (ADR 0214) is staged only when the operator decided "Importar mesmo assim" for this store order id
   * (ADR 0219); the unique key of the record (ADR 0114) is never skipped.
   */
  stage(
    id: number,
    order: StagedOrder,
    message: string | null,
    replacing: StagingKey | null,
    guard: { storeOrderId: string; storeTotal: number | null },
  ): Promise<StageOutcome>;
  list(states: readonly StoreOrderState[], afterId: number, limit: number): Promise<StoreOrderRecord[]>;
  unacknowledged(limit: number): Promise<StoreOrderRecord[]>;
  acknowledged(ids: readonly number[]): Promise<void>;
  stagingResult(key: StagingKey): Promise<StagingResult>;
  recordCodes(sightings: readonly StoreCodeSighting[]): Promise<void>;
  /** WinThor's customer by CPF/CNPJ (+ IE), or undefined. */
  findCustomer(query: { document: string; ie?: string | null }): Promise<CustomerMatch | undefined>;
  /** WinThor's city by IBGE code (else name + UF), or undefined. */
  findCity(query: {
    ibgeCode?: string | null;
    name?: string | null;
    state?: string | null;
  }): Promise<WinthorCity | undefined>;
  /** The defaults of a new customer (parameters 4008–4014); throws AppError naming the parameter. */
  customerDefaults(): Promise<CustomerDefaults>;
  createCustomer(customer: NewCustomer, defaults: CustomerDefaults): Promise<number>;
  /** Updates a customer's name, contact and address (only when the settings allow it). */
  updateCustomer(codcli: number, customer: NewCustomer): Promise<void>;
  /** Products that exist and are not deleted, by CODPROD. */
  products(
    codprods: readonly number[],
  ): Promise<Map<number, { codprod: number; codauxiliar: number | null }>>;
  /** The branch's selling price (parameter 4010 column, its region) of these products. */
  prices(codprods: readonly number[]): Promise<PriceItem[]>;
  /** The importer's result and the positions of WinThor orders (NUMPED). */
  orderStatuses(numpeds: readonly number[]): Promise<OrderStatus[]>;
  byNumped(numpeds: readonly number[]): Promise<StoreOrderRecord[]>;
  inProgress(afterId: number, limit: number): Promise<StoreOrderRecord[]>;
  setStatusSent(id: number, sent: string): Promise<void>;
  /** Named positions kept between runs (WTC_CURSOR) for this branch. */
  cursor(name: string): Promise<string | null>;
  setCursor(name: string, value: string | null): Promise<void>;
  /** Open pendências of an entity whose "reprocessar" was asked (NEXT_ATTEMPT_AT reached). */
  dueKeys(entity: string): Promise<Set<string>>;
  /** Open pendências of an entity still backing off (NEXT_ATTEMPT_AT in the future): not tried this run. */
  backingOff(entity: string): Promise<Set<string>>;
}

/** The store calls of the order jobs (the branch's store client: budget, retries, breaker). */
export interface OrderStoreGateway {
  /** Pages of orders, each order checked on its own (a malformed one comes apart, named by field). */
  pullOrders(options: { minUpdatedAt?: string; pageSize: number }): AsyncIterable<OrderPage>;
  acknowledgeOrders(ids: number[]): Promise<AcknowledgeResult>;
  updateOrderStatus(id: number, update: OrderStatusUpdate): Promise<void>;
  /** `GET orders/{id}`: whether the store knows the order (404 = false; other errors throw). */
  orderExists(id: number): Promise<boolean>;
  pullCustomers(options: { minUpdatedAt?: string; pageSize: number }): AsyncIterable<Customer[]>;
}
