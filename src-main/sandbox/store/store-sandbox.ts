import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CatalogConflict, SandboxCatalog } from './sandbox-catalog';
import { FaultSet, type FaultRule } from './faults';
import { OrderBook } from './order-book';
import { seedCustomers, type SandboxCustomer } from './seed-customers';
import { seededRandom } from './seeded-random';

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
  /** false = `POST orders/statusProcessed` answers 404, like older stores. */
  statusProcessedImplemented?: boolean;
  now?: () => number;
  /** Inspection log size. Default 2000. */
  keepRequests?: number;
}

export interface ReceivedRequest {
  method: string;
  /** Path after /api/v1/, without query. */
  path: string;
  query: string;
  body: unknown;
  status: number;
  at: number;
}

export interface StoreSandbox {
  /** Base URL to type in "URL da loja" (http on loopback is accepted by the client). */
  readonly url: string;
  readonly apiRoot: string;
  readonly token: string;
  readonly port: number;
  readonly catalog: SandboxCatalog;
  readonly orders: OrderBook;
  readonly customers: SandboxCustomer[];
  readonly faults: FaultSet;
  readonly received: ReceivedRequest[];
  readonly orderStatusUpdates: Array<{ orderId: number; body: unknown }>;
  /** Calls per `METHOD path` (ids kept), e.g. counts()['GET orders']. */
  counts(): Record<string, number>;
  totalCalls(): number;
  /** Most API requests being handled at the same time since the last resetInspection(). */
  peakConcurrency(): number;
  budget(): { limit: number; used: number; remaining: number; resetsAt: number } | null;
  resetInspection(): void;
  stop(): Promise<void>;
}

const API_PREFIX = '/api/v1/';
const HOUR_MS = 3_600_000;

const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

const errorBody = (status: number, code: string, message: string) => ({
  responseCode: String(status),
  message: code,
  errors: [{ message, code, moreInfo: 'http://sandbox.local/docs/errors' }],
});

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** Starts the store sandbox: a real HTTP server implementing the contract of ciashop-api.md in memory. */
export const startStoreSandbox = async (options: StoreSandboxOptions = {}): Promise<StoreSandbox> => {
  const token = options.token ?? 'sandbox-token';
  const seed = options.seed ?? 42;
  const now = options.now ?? (() => Date.now());
  const limit = options.budgetPerHour ?? 1000;
  const keep = options.keepRequests ?? 2000;
  const random = seededRandom(seed ^ 0xfa017);
  const catalog = new SandboxCatalog();
  const customers = seedCustomers(seed, options.customers ?? 30);
  const orders = new OrderBook(seed, options.orders ?? 40, customers, options.maxProductCode ?? 500);
  const faults = new FaultSet(random);
  const received: ReceivedRequest[] = [];
  const orderStatusUpdates: Array<{ orderId: number; body: unknown }> = [];
  const callCounts = new Map<string, number>();
  let total = 0;
  let inFlight = 0;
  let peak = 0;
  let window = { start: Math.floor(now() / HOUR_MS) * HOUR_MS, used: 0 };
  const sockets = new Set<Socket>();

  const budget = () => {
    if (!limit) return null;
    const current = now();
    if (current >= window.start + HOUR_MS)
      window = { start: Math.floor(current / HOUR_MS) * HOUR_MS, used: 0 };
    return {
      limit,
      used: window.used,
      remaining: Math.max(0, limit - window.used),
      resetsAt: window.start + HOUR_MS,
    };
  };

  const record = (entry: ReceivedRequest) => {
    received.push(entry);
    if (received.length > keep) received.splice(0, received.length - keep);
  };

  const handleAdmin = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === '/__sandbox/faults' && req.method === 'POST') {
      const text = await readBody(req);
      try {
        const body = JSON.parse(text || '[]') as
          FaultRule | FaultRule[] | { clear?: boolean; faults?: FaultRule[] };
        if (!Array.isArray(body) && 'clear' in body && body.clear) faults.clear();
        const rules = Array.isArray(body)
          ? body
          : 'type' in body
            ? [body as FaultRule]
            : ((body as { faults?: FaultRule[] }).faults ?? []);
        faults.add(...rules);
        return sendJson(res, 200, { faults: faults.list() });
      } catch (error) {
        return sendJson(res, 400, errorBody(400, 'bad_fault', (error as Error).message));
      }
    }
    if (path === '/__sandbox/faults' && req.method === 'DELETE') {
      faults.clear();
      return sendJson(res, 200, { faults: [] });
    }
    if (path === '/__sandbox/inspect' && req.method === 'GET') {
      return sendJson(res, 200, {
        totalCalls: total,
        counts: Object.fromEntries(callCounts),
        budget: budget(),
        faults: faults.list(),
        received: received.slice(-100),
      });
    }
    return sendJson(res, 404, errorBody(404, 'not_found', `Rota de administração desconhecida: ${path}`));
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(500, 'internal_error', (error as Error).message));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (url.pathname.startsWith('/__sandbox/')) return handleAdmin(req, res, url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.once('finish', done);
    res.once('close', done);
    const text = await readBody(req);
    if (!url.pathname.startsWith(API_PREFIX) && url.pathname !== API_PREFIX.slice(0, -1)) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>Página não encontrada</h1></body></html>');
      return;
    }
    const path = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, '');
    let body: unknown = undefined;
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record({ method, path, query: url.search, body, status, at: now() });
      sendJson(res, status, payload, headers);
    };

    const { latencyMs, failure } = faults.take(method, path);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const loseAnswer = (): void => {
      record({ method, path, query: url.search, body, status: 0, at: now() });
      if (failure?.type === 'reset') req.socket.destroy();
      // 'hang': never answers.
    };
    const lost = failure?.type === 'reset' || failure?.type === 'hang';
    if (lost && !failure.after) return loseAnswer();

    if (req.headers.authorization !== `Bearer ${token}`) {
      return reply(401, errorBody(401, 'unauthorized', 'Token de acesso inválido ou ausente.'));
    }
    total += 1;
    const key = `${method} ${path}`;
    callCounts.set(key, (callCounts.get(key) ?? 0) + 1);

    const current = budget();
    const limitHeaders: Record<string, string> = {};
    if (current) {
      if (current.remaining <= 0) {
        const retryAfter = Math.max(1, Math.ceil((current.resetsAt - now()) / 1000));
        return reply(429, errorBody(429, 'too_many_requests', 'Limite de requisições por hora excedido.'), {
          'Retry-After': String(retryAfter),
          'x-apilimit-remaining': `${limit}/0`,
        });
      }
      window.used += 1;
      limitHeaders['x-apilimit-remaining'] = `${limit}/${limit - window.used}`;
    }

    if (failure?.type === 'server-error' && !failure.after) {
      const status = failure.status ?? 500;
      return reply(
        status,
        errorBody(status, 'internal_error', 'Erro ao processar a requisição (falha simulada).'),
        limitHeaders,
      );
    }
    if (failure?.type === 'rate-limit') {
      return reply(429, errorBody(429, 'too_many_requests', 'Muitas requisições (falha simulada).'), {
        ...limitHeaders,
        'Retry-After': String(failure.retryAfterSeconds ?? 1),
      });
    }
    if (failure?.type === 'error-200') {
      return reply(
        200,
        errorBody(
          failure.status ?? 500,
          'processing_error',
          'Erro de processamento (corpo de erro com HTTP 200).',
        ),
        limitHeaders,
      );
    }
    if (failure?.type === 'non-json') {
      record({ method, path, query: url.search, body, status: 200, at: now() });
      res.writeHead(200, { 'Content-Type': 'text/html', ...limitHeaders });
      res.end('<html><body>Manutenção programada</body></html>');
      return;
    }

    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        return reply(
          400,
          errorBody(400, 'invalid_json', 'O corpo da requisição não é JSON válido.'),
          limitHeaders,
        );
      }
    }
    const result = route(method, path, url.searchParams, body);
    // Processed, then the answer is lost (`after: true`).
    if (lost) return loseAnswer();
    if (failure?.type === 'server-error') {
      const status = failure.status ?? 500;
      return reply(
        status,
        errorBody(status, 'internal_error', 'Erro depois de processar a requisição (falha simulada).'),
        limitHeaders,
      );
    }
    if (failure?.type === 'truncated-json') {
      record({ method, path, query: url.search, body, status: result.status, at: now() });
      const full = JSON.stringify(result.body ?? {});
      res.writeHead(result.status, {
        'Content-Type': 'application/json',
        ...limitHeaders,
        ...result.headers,
      });
      res.end(full.slice(0, Math.max(1, Math.floor(full.length / 2))));
      return;
    }
    return reply(result.status, result.body, { ...limitHeaders, ...result.headers });
  };

  type Result = { status: number; body: unknown; headers?: Record<string, string> };
  const notFound = (message: string): Result => ({ status: 404, body: errorBody(404, 'not_found', message) });
  const bad = (message: string): Result => ({ status: 400, body: errorBody(400, 'bad_request', message) });
  const conflict = (message: string): Result => ({
    status: 409,
    body: errorBody(409, 'already_exists', message),
  });

  /** Lower-cased query names (the real server matches them case-insensitively). */
  const queryOf = (params: URLSearchParams) => {
    const map = new Map<string, string[]>();
    for (const [name, value] of params) {
      const key = name.toLowerCase().replace(/\[\]$/, '');
      map.set(key, [...(map.get(key) ?? []), value]);
    }
    return {
      one: (name: string) => map.get(name.toLowerCase())?.[0],
      all: (name: string) => map.get(name.toLowerCase()) ?? [],
    };
  };

  const paged = <T>(items: T[], q: ReturnType<typeof queryOf>): Result => {
    const limitN = Math.min(250, Math.max(1, Number(q.one('limit') ?? 50) || 50));
    const page = Math.max(1, Number(q.one('page') ?? 1) || 1);
    const slice = items.slice((page - 1) * limitN, page * limitN);
    return { status: 200, body: slice, headers: { 'x-hasmore': String(page * limitN < items.length) } };
  };

  const route = (method: string, path: string, params: URLSearchParams, body: unknown): Result => {
    const q = queryOf(params);
    const parts = path.split('/').map(decodeURIComponent);
    const [root, idText] = parts;
    const asObject = (value: unknown): Record<string, unknown> | null =>
      value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

    if (root === 'departments') {
      if (parts.length === 1 && method === 'GET') return paged([...catalog.departments.values()], q);
      if (parts.length === 1 && method === 'POST') {
        const input = asObject(body);
        if (!input || typeof input.name !== 'string' || !input.name) return bad('Campo name é obrigatório.');
        if (
          typeof input.erpId === 'string' &&
          [...catalog.departments.values()].some((d) => d.erpId === input.erpId)
        ) {
          return conflict(`Departamento com erpId ${input.erpId} já existe.`);
        }
        const department = catalog.createDepartment({
          name: input.name,
          description: String(input.description ?? ''),
          sortOrder: Number(input.sortOrder ?? 0),
          visible: input.visible !== false,
          parentId: typeof input.parentId === 'number' ? input.parentId : null,
          ...(typeof input.erpId === 'string' ? { erpId: input.erpId } : {}),
        });
        return { status: 201, body: department };
      }
      if (parts.length === 1 && method === 'PUT') {
        const input = asObject(body);
        const existing =
          input && typeof input.id === 'number' ? catalog.departments.get(input.id) : undefined;
        if (!input || !existing) return notFound('Departamento não encontrado.');
        Object.assign(existing, input, { id: existing.id });
        return { status: 200, body: existing };
      }
      const id = Number(idText);
      const department = catalog.departments.get(id);
      if (parts.length === 2 && method === 'GET')
        return department
          ? { status: 200, body: department }
          : notFound(`Departamento ${idText} não encontrado.`);
      if (parts.length === 2 && method === 'DELETE') {
        if (!department) return notFound(`Departamento ${idText} não encontrado.`);
        catalog.departments.delete(id);
        return { status: 200, body: {} };
      }
    }

    if (root === 'products') {
      if (parts.length === 1 && method === 'GET') {
        const erpId = q.one('erpId');
        const all =
          erpId !== undefined
            ? [catalog.findProductByErpId(erpId)].filter((p) => p !== null)
            : [...catalog.products.values()];
        return paged(all, q);
      }
      if (parts.length === 1 && method === 'POST') {
        const input = asObject(body);
        if (!input || typeof input.name !== 'string' || typeof input.erpId !== 'string' || !input.erpId)
          return bad('Campos name e erpId são obrigatórios.');
        try {
          return {
            status: 201,
            body: catalog.createProduct(input as Parameters<SandboxCatalog['createProduct']>[0]),
          };
        } catch (error) {
          if (error instanceof CatalogConflict) return conflict(error.message);
          throw error;
        }
      }
      if (parts.length === 2 && (method === 'PUT' || method === 'GET')) {
        const product =
          method === 'PUT'
            ? catalog.updateProduct(Number(idText), asObject(body) ?? {})
            : catalog.products.get(Number(idText));
        return product ? { status: 200, body: product } : notFound(`Produto ${idText} não encontrado.`);
      }
    }

    if (
      root === 'variants' &&
      parts.length === 5 &&
      parts[2] === 'warehouses' &&
      parts[4] === 'inventory' &&
      method === 'POST'
    ) {
      const variant = catalog.findVariant(parts[1] ?? '');
      const input = asObject(body);
      if (!variant) return notFound(`Variação com erpId ${parts[1]} não encontrada.`);
      if (!input || typeof input.quantity !== 'number') return bad('Campo quantity é obrigatório.');
      catalog.stock.set(`${variant.erpId}|${parts[3]}`, input.quantity);
      variant.quantity = input.quantity;
      return {
        status: 200,
        body: { variantErpId: variant.erpId, warehouseErpId: parts[3], quantity: input.quantity },
      };
    }

    if (
      root === 'variantsErpId' &&
      parts.length === 5 &&
      parts[2] === 'pricingtablesErpId' &&
      parts[4] === 'price' &&
      method === 'POST'
    ) {
      const variant = catalog.findVariant(parts[1] ?? '');
      const input = asObject(body);
      if (!variant) return notFound(`Variação com erpId ${parts[1]} não encontrada.`);
      if (!input || typeof input.price !== 'number' || input.price < 0)
        return bad('Campo price é obrigatório (reais, decimal).');
      const price = {
        price: input.price,
        ...(typeof input.salePrice === 'number' ? { salePrice: input.salePrice } : {}),
        ...(typeof input.saleDateStart === 'string' ? { saleDateStart: input.saleDateStart } : {}),
        ...(typeof input.saleDateEnd === 'string' ? { saleDateEnd: input.saleDateEnd } : {}),
      };
      catalog.prices.set(`${variant.erpId}|${parts[3]}`, price);
      if (parts[3] === '1') variant.price = input.price;
      return { status: 200, body: { variantErpId: variant.erpId, pricingTableErpId: parts[3], ...price } };
    }

    if (root === 'customers') {
      if (parts.length === 1 && method === 'GET') {
        const document = q.one('documentId')?.replace(/\D/g, '');
        const email = q.one('email')?.toLowerCase();
        const found = customers.filter(
          (c) => (!document || c.documentId === document) && (!email || c.email.toLowerCase() === email),
        );
        return paged(found, q);
      }
      if (parts.length === 2 && method === 'GET') {
        const customer = customers.find((c) => c.id === Number(idText));
        return customer ? { status: 200, body: customer } : notFound(`Cliente ${idText} não encontrado.`);
      }
    }

    if (root === 'orders') {
      if (parts.length === 1 && method === 'GET') {
        const limitN = Math.min(250, Math.max(1, Number(q.one('limit') ?? 50) || 50));
        const page = Math.max(1, Number(q.one('page') ?? 1) || 1);
        const processedFilter = q.one('statusProcessed');
        const minUpdatedAt = q.one('minUpdatedAt');
        const result = orders.page(
          {
            statuses: q.all('status'),
            unprocessedOnly: processedFilter === 'false',
            ...(minUpdatedAt ? { minUpdatedAt } : {}),
          },
          page,
          limitN,
        );
        return { status: 200, body: result.items, headers: { 'x-hasmore': String(result.hasMore) } };
      }
      if (parts.length === 2 && idText === 'statusProcessed' && method === 'POST') {
        if (options.statusProcessedImplemented === false) return notFound('Recurso não encontrado.');
        if (!Array.isArray(body) || !body.every((id) => typeof id === 'number'))
          return bad('Envie um array de ids de pedidos.');
        // Unknown ids are skipped, not a 404: on this route a 404 means "not implemented" (older stores),
        // and the client reads it so; one stale id must not hide that the others were acknowledged.
        const known = body.filter((id) => orders.has(id));
        for (const id of known) orders.markProcessed(id);
        return {
          status: 200,
          body: { processed: known.length, notFound: body.filter((id) => !orders.has(id)) },
        };
      }
      if (parts.length === 2 && method === 'GET') {
        const order = orders.get(Number(idText));
        return order ? { status: 200, body: order } : notFound(`Pedido ${idText} não encontrado.`);
      }
      if (parts.length === 3 && parts[2] === 'status' && (method === 'PUT' || method === 'POST')) {
        const id = Number(idText);
        const input = asObject(body);
        if (!orders.has(id)) return notFound(`Pedido ${idText} não encontrado.`);
        if (!input || typeof input.status !== 'string') return bad('Campo status é obrigatório.');
        orders.setStatus(id, input.status);
        orderStatusUpdates.push({ orderId: id, body: input });
        return { status: 200, body: orders.get(id) };
      }
    }
    return notFound(`Recurso não encontrado: ${method} ${path}`);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  return {
    url: base,
    apiRoot: `${base}${API_PREFIX}`,
    token,
    port: address.port,
    catalog,
    orders,
    customers,
    faults,
    received,
    orderStatusUpdates,
    counts: () => Object.fromEntries(callCounts),
    totalCalls: () => total,
    peakConcurrency: () => peak,
    budget,
    resetInspection: () => {
      received.length = 0;
      callCounts.clear();
      total = 0;
      peak = inFlight;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
