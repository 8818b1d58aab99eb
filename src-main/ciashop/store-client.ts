import { z } from 'zod';
import { ApiBudget, type BudgetSnapshot } from './api-budget';
import { CallGate } from './call-gate';
import { BREAKER_KINDS, CircuitBreaker, type CircuitSnapshot } from './circuit-breaker';
import { systemClock, type Clock } from '../shared/clock';
import { createHttpTransport, TransportFailure, type HttpTransport } from './http-transport';
import { storePaths } from './paths';
import { interpretResponse, networkError, type ParsedResponse, type RawResponse } from './response-errors';
import {
  DEFAULT_RETRY,
  backoffDelay,
  parseRetryAfter,
  shouldRetry,
  type CallSafety,
  type RetryOptions,
} from './retry-policy';
import {
  Customer,
  Department,
  DepartmentInput,
  Order,
  OrderStatusUpdate,
  PriceInput,
  Product,
  ProductInput,
} from './schemas';
import { StoreError } from './store-error';
import { normaliseStoreUrl } from '../shared/store-url';
import type { ProxySettings } from './undici-adapter';

export type LogFn = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface StoreClientOptions {
  /** As typed by the user; normalised with normaliseStoreUrl. */
  url: string;
  token: string;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryOptions>;
  /** Per-call time-out. Default 30 s. */
  timeoutMs?: number;
  /** Concurrent calls to this store. Default 4. */
  maxConcurrent?: number;
  /** Minimum ms between call starts. Default 0 (the budget spaces calls when it runs low). */
  minIntervalMs?: number;
  breaker?: { failureThreshold?: number; openMs?: number; maxOpenMs?: number };
  budgetReserve?: number;
  log?: LogFn;
  /** Outbound proxy; default: the environment's HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: ProxySettings;
  /** For tests: replace the transport. */
  transport?: HttpTransport;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | Array<string | number> | undefined>;
  body?: unknown;
  safety: CallSafety;
  /** An answer schema: output = input (it checks, it does not transform; ADR 0206). */
  schema?: z.ZodType<T, T>;
}

export interface StoreClientState {
  apiRoot: string;
  circuit: CircuitSnapshot;
  budget: BudgetSnapshot;
  calls: number;
}

export type AcknowledgeResult =
  { status: 'acknowledged'; count: number } | { status: 'not_implemented'; message: string };

export interface PullOrdersOptions {
  statuses?: string[];
  /** YYYY-MM-DD */
  minUpdatedAt?: string;
  pageSize?: number;
  /** Default false: only orders not yet acknowledged. */
  includeProcessed?: boolean;
}

/** Builds `a=1&status[]=X&status[]=Y` (brackets kept literal, values encoded). */
export const buildQuery = (query: RequestSpec<unknown>['query']): string => {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value))
      for (const item of value) parts.push(`${key}[]=${encodeURIComponent(String(item))}`);
    else parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
};

/** Query values that identify people (CPF/CNPJ, e-mail) never reach logs or error messages (LGPD). */
const PERSONAL_QUERY = /([?&](?:documentid|document|email|cpf|cnpj)=)[^&]*/gi;
export const redactPath = (path: string): string =>
  path.includes('?') ? path.replace(PERSONAL_QUERY, '$1***') : path;

/**
 * Answer schemas compiled once (z.compile: a generated checker, several times faster than the runtime one;
 * on a failure it falls back to the runtime parser, so the same issues). Keyed by schema, so the
 * constants in schemas.ts compile on first use and nothing is compiled per request.
 */
const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>();
const compiled = <T>(schema: z.ZodType<T, T>): z.ZodType<T, T> => {
  let fast = compiledSchemas.get(schema) as z.ZodType<T, T> | undefined;
  if (!fast) {
    fast = z.compile(schema);
    compiledSchemas.set(schema, fast);
  }
  return fast;
};

/** One list schema per item schema (not a new z.array per call or per pull). */
const listSchemas = new WeakMap<z.ZodType, z.ZodType>();
const listOf = <T>(schema: z.ZodType<T, T>): z.ZodType<T[], T[]> => {
  let list = listSchemas.get(schema) as z.ZodType<T[], T[]> | undefined;
  if (!list) {
    list = z.array(schema);
    listSchemas.set(schema, list);
  }
  return list;
};

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(raiz)'}: ${issue.message}`)
    .join('; ');

/**
 * The store client (one instance per store): URL normalised, Bearer token, budget, spacing and concurrency,
 * retries with full jitter, circuit breaker, zod-validated answers, paging through x-hasmore.
 */
export class StoreClient {
  readonly apiRoot: string;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;
  private readonly transport: HttpTransport;
  private readonly gate: CallGate;
  private readonly budget: ApiBudget;
  private readonly breaker: CircuitBreaker;
  private readonly log: LogFn;
  private calls = 0;

  constructor(options: StoreClientOptions) {
    this.apiRoot = normaliseStoreUrl(options.url);
    if (!options.token.trim()) {
      throw new StoreError({
        kind: 'auth',
        status: 0,
        message: 'Token da loja: informe o token de acesso da API.',
      });
    }
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.log = options.log ?? (() => {});
    this.transport =
      options.transport ?? createHttpTransport(this.apiRoot, options.token.trim(), options.proxy);
    this.gate = new CallGate(this.clock, options.maxConcurrent ?? 4, options.minIntervalMs ?? 0);
    this.budget = new ApiBudget({
      clock: this.clock,
      ...(options.budgetReserve !== undefined ? { reserve: options.budgetReserve } : {}),
      log: (message) => this.log('info', `[loja ${this.apiRoot}] ${message}`),
    });
    this.breaker = new CircuitBreaker({
      clock: this.clock,
      ...options.breaker,
      onChange: (snapshot) =>
        this.log(
          snapshot.state === 'closed' ? 'info' : 'warn',
          `[loja ${this.apiRoot}] circuito ${snapshot.state}${snapshot.reason ? `: ${snapshot.reason}` : ''}`,
        ),
    });
  }

  state(): StoreClientState {
    return {
      apiRoot: this.apiRoot,
      circuit: this.breaker.snapshot(),
      budget: this.budget.snapshot(),
      calls: this.calls,
    };
  }

  close(): void {
    this.transport.close();
  }

  /** One logical call: budget, breaker, gate, retries. Returns the validated body and the headers. */
  async request<T = unknown>(
    spec: RequestSpec<T>,
  ): Promise<{ data: T; headers: Record<string, string | undefined>; status: number }> {
    const path = `${spec.path}${buildQuery(spec.query)}`;
    const shown = redactPath(path);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await this.attempt(spec.method, path, shown, spec.body);
        return {
          data: this.validate(spec, shown, response.data),
          headers: response.headers,
          status: response.status,
        };
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        const last = attempt + 1 >= this.retry.maxAttempts;
        if (last || !shouldRetry(error, spec.safety)) throw error;
        const wait = error.retryAfterMs ?? backoffDelay(attempt, this.retry, this.random);
        if (wait > this.retry.maxRetryAfterMs) throw error;
        this.log(
          'warn',
          `[loja ${this.apiRoot}] ${spec.method} ${shown}: ${error.message} Nova tentativa em ${Math.round(wait)} ms.`,
        );
        await this.clock.sleep(wait);
      }
    }
  }

  /**
   * Answer schemas only check (schemas.ts, ADR 0206): a valid answer is returned as JSON.parse built it, with
   * no copy; only an invalid one is parsed again, for the issues that name the fields.
   */
  private validate<T>(spec: RequestSpec<T>, path: string, data: unknown): T {
    if (!spec.schema) return data as T;
    const schema = compiled(spec.schema);
    if (schema.validate(data)) return data as T;
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    throw new StoreError({
      kind: 'invalid_response',
      status: 200,
      retryable: false,
      message: `A loja respondeu ${spec.method} ${path} com dados fora do formato esperado: ${describeIssues(result.error)}.`,
      method: spec.method,
      path,
    });
  }

  private async attempt(
    method: RequestSpec<unknown>['method'],
    path: string,
    shown: string,
    body: unknown,
  ): Promise<ParsedResponse> {
    // The concurrency slot first, then the budget: a call that waited for a slot sees a block set by a 429
    // answered meanwhile, and calls spaced for a low budget go out one by one.
    const entered = this.gate.enter();
    if (entered) await entered;
    try {
      // The budget before the breaker: a call held back by our own budget is not a call, and must not use
      // (or end) the breaker's half-open trial.
      const delay = this.budget.delayBeforeNextCall(this.retry.maxRetryAfterMs);
      if (delay > this.retry.maxRetryAfterMs) {
        throw new StoreError({
          kind: 'rate_limited',
          status: 429,
          message: `Limite de chamadas da loja esgotado; próxima chamada possível em ${Math.ceil(delay / 1000)} s.`,
          retryAfterMs: delay,
          method,
          path: shown,
        });
      }
      if (delay > 0) await this.clock.sleep(delay);
      const permit = this.breaker.acquire();
      if (!permit.allowed) {
        throw new StoreError({
          kind: 'circuit_open',
          status: 0,
          message: `Chamadas à loja pausadas até ${new Date(permit.until).toLocaleTimeString('pt-BR')} após falhas seguidas: ${permit.reason}`,
          retryAfterMs: Math.max(0, permit.until - this.clock.now()),
          method,
          path: shown,
        });
      }
      return await this.send(method, path, shown, body, permit.trial);
    } finally {
      this.gate.leave();
    }
  }

  /** One call on the wire under a breaker permit; the answer classified, the budget and breaker told. */
  private async send(
    method: RequestSpec<unknown>['method'],
    path: string,
    shown: string,
    body: unknown,
    trial: boolean,
  ): Promise<ParsedResponse> {
    try {
      let response: RawResponse;
      try {
        this.budget.noteCallStarted();
        this.calls += 1;
        response = await this.transport.send({ method, path, body, timeoutMs: this.timeoutMs });
      } catch (error) {
        if (error instanceof TransportFailure)
          throw networkError(error.code, error.message, method, shown, error.cause);
        throw error;
      }
      this.budget.record(response.headers['x-apilimit-remaining']);
      const retryAfter = response.headers['retry-after'];
      const retryAfterMs = retryAfter ? parseRetryAfter(retryAfter, this.clock.now()) : undefined;
      const parsed = interpretResponse(response, { method, path: shown, retryAfterMs });
      this.breaker.onSuccess(trial);
      return parsed;
    } catch (error) {
      if (error instanceof StoreError) {
        if (error.kind === 'rate_limited') this.budget.block(this.clock.now() + (error.retryAfterMs ?? 1000));
        if (BREAKER_KINDS.has(error.kind)) this.breaker.onFailure(trial, error.message);
        else this.breaker.onNeutral(trial);
      } else {
        this.breaker.onNeutral(trial);
      }
      throw error;
    }
  }

  /**
   * Pages through a list until `x-hasmore` says false (or, if the header is missing, until an empty page:
   * a store may cap the page size below the limit asked, so a short page proves nothing).
   * A failing page throws: the caller never receives a silently partial list.
   */
  async *pages<T>(
    path: string,
    schema: z.ZodType<T, T>,
    query: RequestSpec<unknown>['query'] = {},
    pageSize = 50,
  ): AsyncGenerator<T[], void, undefined> {
    const list = listOf(schema);
    for (let page = 1; ; page += 1) {
      const { data, headers } = await this.request({
        method: 'GET',
        path,
        query: { ...query, limit: pageSize, page },
        safety: 'idempotent',
        schema: list,
      });
      if (data.length > 0) yield data;
      const hasMore = headers['x-hasmore']?.trim().toLowerCase();
      if (hasMore === 'true') {
        if (data.length === 0) {
          throw new StoreError({
            kind: 'invalid_response',
            status: 200,
            retryable: false,
            message: `A loja indicou mais páginas (x-hasmore) mas enviou uma página vazia em GET ${path} (página ${page}).`,
          });
        }
        continue;
      }
      if (hasMore === 'false') return;
      if (data.length === 0) return;
    }
  }

  async *items<T>(
    path: string,
    schema: z.ZodType<T, T>,
    query: RequestSpec<unknown>['query'] = {},
    pageSize = 50,
  ): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages(path, schema, query, pageSize)) yield* page;
  }

  // ——— departments ———
  listDepartments(pageSize = 100): AsyncGenerator<Department[]> {
    return this.pages(storePaths.departments, Department, {}, pageSize);
  }

  async createDepartment(input: DepartmentInput): Promise<Department> {
    const body = DepartmentInput.parse(input);
    return (
      await this.request({
        method: 'POST',
        path: storePaths.departments,
        body,
        safety: 'create',
        schema: Department,
      })
    ).data;
  }

  async updateDepartment(id: number, input: DepartmentInput): Promise<Department> {
    const body = { id, ...DepartmentInput.parse(input) };
    return (
      await this.request({
        method: 'PUT',
        path: storePaths.departments,
        body,
        safety: 'idempotent',
        schema: Department,
      })
    ).data;
  }

  // ——— products ———
  async findProductByErpId(erpId: string): Promise<Product | null> {
    const { data } = await this.request({
      method: 'GET',
      path: storePaths.products,
      query: { erpId },
      safety: 'idempotent',
      schema: listOf(Product),
    });
    return data.find((product) => product.erpId === erpId) ?? null;
  }

  /**
   * Creates a product. Not blindly retried: after a time-out, a reset or a 5xx the product may exist, so the
   * erpId is looked up first and the create repeated only when it is not there (ADR 0203).
   */
  async createProduct(input: ProductInput): Promise<Product> {
    const body = ProductInput.parse(input);
    let ambiguousBefore = false;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return (
          await this.request({
            method: 'POST',
            path: storePaths.products,
            body,
            safety: 'create',
            schema: Product,
          })
        ).data;
      } catch (error) {
        // The earlier attempt went through after all (committed after our lookup): the 409 is our product.
        if (ambiguousBefore && error instanceof StoreError && error.kind === 'conflict') {
          const existing = await this.findProductByErpId(body.erpId);
          if (existing) return existing;
          throw error;
        }
        const ambiguous =
          error instanceof StoreError &&
          ['timeout', 'network', 'server', 'invalid_response'].includes(error.kind) &&
          error.retryable;
        if (!ambiguous || attempt + 1 >= this.retry.maxAttempts) throw error;
        ambiguousBefore = true;
        const existing = await this.findProductByErpId(body.erpId);
        if (existing) return existing;
        await this.clock.sleep(backoffDelay(attempt, this.retry, this.random));
      }
    }
  }

  async updateProduct(id: number, input: ProductInput): Promise<Product> {
    const body = { id, ...ProductInput.parse(input) };
    return (
      await this.request({
        method: 'PUT',
        path: storePaths.product(id),
        body,
        safety: 'idempotent',
        schema: Product,
      })
    ).data;
  }

  // ——— stock and price (absolute values: idempotent) ———
  async setStock(variantErpId: string, warehouseErpId: string, quantity: number): Promise<void> {
    await this.request({
      method: 'POST',
      path: storePaths.variantStock(variantErpId, warehouseErpId),
      body: { quantity },
      safety: 'idempotent',
    });
  }

  async setPrice(variantErpId: string, tableErpId: string, price: PriceInput): Promise<void> {
    await this.request({
      method: 'POST',
      path: storePaths.variantPrice(variantErpId, tableErpId),
      body: PriceInput.parse(price),
      safety: 'idempotent',
    });
  }

  // ——— customers ———
  async getCustomer(id: number): Promise<Customer> {
    return (
      await this.request({
        method: 'GET',
        path: storePaths.customer(id),
        safety: 'idempotent',
        schema: Customer,
      })
    ).data;
  }

  /**
   * CPF/CNPJ with or without punctuation. Without a digit there is nothing to look for: the store would
   * ignore an empty filter and list every customer, so no call is made.
   */
  async findCustomersByDocument(document: string): Promise<Customer[]> {
    const digits = document.replace(/\D/g, '');
    if (!digits) return [];
    const found: Customer[] = [];
    for await (const page of this.pages(storePaths.customers, Customer, { documentID: digits }, 50))
      found.push(...page);
    return found;
  }

  // ——— orders ———
  /**
   * Paid and cancelled orders not yet acknowledged, page by page (flat memory for any volume).
   * Paging is by page number (as seen in LOJA901I): acknowledging orders WHILE iterating shifts the later
   * pages of `statusProcessed=false`, so some orders would only come in the next pull. Acknowledge after the
   * pull ends (or pull again until a pull returns nothing new); the import record keeps it exactly-once.
   */
  pullOrders(options: PullOrdersOptions = {}): AsyncGenerator<Order[]> {
    return this.pages(
      storePaths.orders,
      Order,
      {
        status: options.statuses ?? ['PaymentApproved', 'Cancelled'],
        statusProcessed: options.includeProcessed ? undefined : false,
        minUpdatedAt: options.minUpdatedAt,
      },
      options.pageSize ?? 250,
    );
  }

  async getOrder(id: number): Promise<Order> {
    return (
      await this.request({ method: 'GET', path: storePaths.order(id), safety: 'idempotent', schema: Order })
    ).data;
  }

  /** `POST orders/statusProcessed` [ids]. A 404 means this store does not implement it: reported distinctly. */
  async acknowledgeOrders(ids: number[]): Promise<AcknowledgeResult> {
    if (ids.length === 0) return { status: 'acknowledged', count: 0 };
    try {
      const { data } = await this.request({
        method: 'POST',
        path: storePaths.ordersStatusProcessed,
        body: ids,
        safety: 'idempotent',
      });
      // The count the store reports when it reports one (the sandbox does; the real answer is not known).
      const processed = (data as { processed?: unknown } | undefined)?.processed;
      return { status: 'acknowledged', count: typeof processed === 'number' ? processed : ids.length };
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'not_found') {
        return {
          status: 'not_implemented',
          message:
            'Esta loja não implementa a confirmação de pedidos processados (orders/statusProcessed respondeu 404); os pedidos continuarão vindo e serão ignorados pelo registro de importação.',
        };
      }
      throw error;
    }
  }

  /** UNVERIFIED path (ADR 0205): status / invoice / tracking back to the store. */
  async updateOrderStatus(id: number, update: OrderStatusUpdate): Promise<void> {
    await this.request({
      method: 'PUT',
      path: storePaths.orderStatusUpdate(id),
      body: OrderStatusUpdate.parse(update),
      safety: 'idempotent',
    });
  }
}
