import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { API_PREFIX, handleApiRequest } from './api-request';
import { FaultSet } from './faults';
import { InjectedOrders } from './injected-orders';
import { OrderBook } from './order-book';
import { createRouter } from './routes/route-table';
import { handleAdmin, STORE_PAGE_PATH } from './sandbox-admin';
import { HourlyBudget, type BudgetState } from './sandbox-budget';
import { SandboxCatalog } from './sandbox-catalog';
import { errorBody, sendJson } from './sandbox-http';
import { SandboxInspection, type ReceivedRequest } from './sandbox-inspection';
import { newStoreId, SandboxStateWriter, type SandboxState } from './sandbox-state';
import { seedCustomers, type SandboxCustomer } from './seed-customers';
import { seededRandom } from './seeded-random';

export type { ReceivedRequest } from './sandbox-inspection';

export interface StoreSandboxOptions {
  /** 0 = a free port (default). */
  port?: number;
  host?: string;
  token?: string;
  /** Calls per hour; 0 = no limit (no x-apilimit-remaining header). Default 1000. */
  budgetPerHour?: number;
  seed?: number;
  /** Paid/cancelled/shipped orders generated (lazily). Default 40. */
  orders?: number;
  customers?: number;
  /** Highest product code referenced by order items (codes 1..N). Default 500. */
  maxProductCode?: number;
  /**
   * The products generated orders sell, with their price (code → price): the demo gives its WinThor's
   * own prices, so its orders import. Fixed for the sandbox's life; none = generated prices (ADR 0221).
   */
  orderPrices?: ReadonlyMap<string, number>;
  /** false = `POST orders/statusProcessed` answers 404, like older stores. */
  statusProcessedImplemented?: boolean;
  now?: () => number;
  /** Inspection log size. Default 2000. */
  keepRequests?: number;
  /** A saved state to start from (`readSandboxState`): catalogue, order changes, identity. */
  state?: SandboxState | null;
  /** Saves the state there after every change (debounced, atomic) and on stop. None = memory only. */
  stateFile?: string;
  /** Quiet time before a save. Default 300 ms. */
  saveDebounceMs?: number;
  /** A save that failed (pt-BR); the sandbox goes on in memory. */
  onWarning?: (message: string) => void;
  /** Orders placed through `POST orders` are kept in this file (the demo folder); none = memory only. */
  injectedOrdersFile?: string;
}

export interface StoreSandbox {
  /** Base URL to type in "URL da loja" (http on loopback is accepted by the client). */
  readonly url: string;
  readonly apiRoot: string;
  readonly token: string;
  readonly port: number;
  /** The store's identity: kept in its state file, so a restarted sandbox is the same store. */
  readonly storeId: string;
  /** The read-only page (pt-BR) of what the store holds: departments, products, orders. */
  readonly pageUrl: string;
  readonly catalog: SandboxCatalog;
  readonly orders: OrderBook;
  /** The orders placed through `POST orders` (also listed by `orders`). */
  readonly injected: InjectedOrders;
  readonly customers: SandboxCustomer[];
  readonly faults: FaultSet;
  readonly received: ReceivedRequest[];
  readonly orderStatusUpdates: Array<{ orderId: number; body: unknown }>;
  /** Switch: the status update refuses a body with `tracking` (400), like a store without that field. */
  readonly statusRules: { rejectsTracking: boolean };
  /** Calls per `METHOD path` (ids kept), e.g. counts()['GET orders']. */
  counts(): Record<string, number>;
  totalCalls(): number;
  /** Most API requests being handled at the same time since the last resetInspection(). */
  peakConcurrency(): number;
  budget(): BudgetState | null;
  resetInspection(): void;
  /** Writes the state file now (when there is one). */
  save(): Promise<void>;
  /** Stops the server, after saving the state. */
  stop(): Promise<void>;
}

/** Starts the store sandbox: a real HTTP server implementing the contract of ciashop-api.md in memory. */
export const startStoreSandbox = async (options: StoreSandboxOptions = {}): Promise<StoreSandbox> => {
  const token = options.token ?? 'sandbox-token';
  const seed = options.seed ?? 42;
  const now = options.now ?? (() => Date.now());
  const catalog = new SandboxCatalog();
  const customers = seedCustomers(seed, options.customers ?? 30);
  const injected = new InjectedOrders({
    now,
    ...(options.injectedOrdersFile ? { file: options.injectedOrdersFile } : {}),
  });
  const orders = new OrderBook(
    seed,
    options.orders ?? 40,
    customers,
    options.maxProductCode ?? 500,
    injected,
    options.orderPrices,
  );
  const faults = new FaultSet(seededRandom(seed ^ 0xfa017));
  const budget = new HourlyBudget(options.budgetPerHour ?? 1000, now);
  const inspection = new SandboxInspection(options.keepRequests ?? 2000);
  const orderStatusUpdates: Array<{ orderId: number; body: unknown }> = [];
  const saved = options.state ?? null;
  if (saved) {
    catalog.restore(saved.catalog);
    orders.restore(saved.orders);
    orderStatusUpdates.push(...saved.orderStatusUpdates);
  }
  const storeId = saved?.storeId ?? newStoreId();
  let servedUrl = '';
  const writer = options.stateFile
    ? new SandboxStateWriter(
        options.stateFile,
        (): SandboxState => ({
          version: 1,
          storeId,
          url: servedUrl,
          savedAt: new Date(now()).toISOString(),
          catalog: catalog.snapshot(),
          orders: orders.snapshot(),
          orderStatusUpdates,
        }),
        {
          ...(options.saveDebounceMs !== undefined ? { debounceMs: options.saveDebounceMs } : {}),
          ...(options.onWarning ? { onError: options.onWarning } : {}),
        },
      )
    : null;
  const statusRules = { rejectsTracking: false };
  const router = createRouter({
    catalog,
    injected,
    customers,
    orders,
    orderStatusUpdates,
    statusProcessedImplemented: options.statusProcessedImplemented !== false,
    statusRules,
  });
  // Every change the store accepted (not a read, not a refusal) schedules a save of the state.
  const route: typeof router = (method, path, params, body) => {
    const result = router(method, path, params, body);
    if (writer && method !== 'GET' && result.status < 300) writer.changed();
    return result;
  };
  const api = { token, now, budget, faults, inspection, route };
  const admin = {
    faults,
    budget,
    inspection,
    catalog,
    orders,
    customers,
    storeId,
    statusUpdates: orderStatusUpdates,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (url.pathname.startsWith('/__sandbox/')) return handleAdmin(req, res, url, admin);
    return handleApiRequest(api, req, res, url);
  };
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(500, 'internal_error', (error as Error).message));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  servedUrl = base;
  // A new store records its identity and address at once (a saved one that moved is saved by its owner,
  // once it has dealt with the move: see the demo's store part).
  if (writer && !saved) {
    writer.changed();
    await writer.flush();
  }

  return {
    url: base,
    apiRoot: `${base}${API_PREFIX}`,
    token,
    port: address.port,
    storeId,
    pageUrl: `${base}${STORE_PAGE_PATH}`,
    catalog,
    orders,
    injected,
    customers,
    faults,
    received: inspection.received,
    orderStatusUpdates,
    statusRules,
    counts: () => inspection.counts(),
    totalCalls: () => inspection.totalCalls(),
    peakConcurrency: () => inspection.peakConcurrency(),
    budget: () => budget.current(),
    resetInspection: () => inspection.reset(),
    save: async () => {
      writer?.changed();
      await writer?.flush();
    },
    stop: async () => {
      await new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      await writer?.flush();
      await injected.flush();
    },
  };
};
