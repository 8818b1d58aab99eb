import type { z } from 'zod';
import { ApiBudget } from './api-budget';
import { checkAnswer } from './answer-check';
import { CallGate } from './call-gate';
import { BREAKER_KINDS, CircuitBreaker } from './circuit-breaker';
import { storeReasonRef } from './store-reason-ref';
import { ClientLifecycle } from './client-lifecycle';
import { systemClock, type Clock } from '../shared/clock';
import { createHttpTransport, TransportFailure, type HttpTransport } from './http-transport';
import {
  buildQuery,
  redactPath,
  type RequestQuery,
  type RequestSpec,
  type StoreAnswer,
} from './request-spec';
import { interpretResponse, networkError, type ParsedResponse, type RawResponse } from './response-errors';
import { DEFAULT_RETRY, backoffDelay, parseRetryAfter, shouldRetry, type RetryOptions } from './retry-policy';
import { StoreError } from './store-error';
import { pagesOf } from './store-paging';
import type {
  LastCallOutcome,
  LogFn,
  StoreCaller,
  StoreClientOptions,
  StoreClientState,
} from './store-client-types';
import { normaliseStoreUrl } from '../shared/store-url';

/**
 * The request pipeline of one store: budget, concurrency gate, retries with full jitter, circuit breaker,
 * transport and answer checking. The endpoint methods live in StoreClient (store-client.ts).
 *
 * Its life: open until close() (at once, on shutdown) or closeWhenIdle() (after every call and held
 * operation in progress has ended; ADR 0010). A call on a closed client is refused before anything is sent.
 */
export class StorePipeline implements StoreCaller {
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
  private readonly lifecycle: ClientLifecycle;
  private calls = 0;
  private lastCall: LastCallOutcome | null = null;

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
    const transport = this.transport;
    this.lifecycle = new ClientLifecycle(
      () => transport.close(),
      () =>
        new StoreError({
          kind: 'network',
          status: 0,
          retryable: false,
          message: `Loja ${this.apiRoot}: a conexão com esta loja foi encerrada (a URL ou o token da filial mudou, ou o integrador está sendo encerrado); nada foi enviado.`,
          fix: 'Execute a operação novamente: ela usará a configuração atual da filial.',
        }),
    );
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

  get maxAttempts(): number {
    return this.retry.maxAttempts;
  }

  state(): StoreClientState {
    return {
      apiRoot: this.apiRoot,
      circuit: this.breaker.snapshot(),
      budget: this.budget.snapshot(),
      calls: this.calls,
      lastCall: this.lastCall,
    };
  }

  /** Closes the connections now, aborting any call in flight (shutdown). */
  close(): void {
    this.lifecycle.close();
  }

  /** Closes the connections once no call or held operation is in progress (a replaced store; ADR 0010). */
  closeWhenIdle(): void {
    this.lifecycle.closeWhenIdle();
  }

  async hold<T>(operation: () => Promise<T>): Promise<T> {
    this.lifecycle.enter();
    try {
      return await operation();
    } finally {
      this.lifecycle.leave();
    }
  }

  async backoff(attempt: number): Promise<void> {
    await this.clock.sleep(backoffDelay(attempt, this.retry, this.random));
  }

  /** One logical call: budget, breaker, gate, retries. Returns the validated body and the headers. */
  request<T = unknown>(spec: RequestSpec<T>): Promise<StoreAnswer<T>> {
    return this.hold(() => this.withRetries(spec));
  }

  async *pages<T>(
    path: string,
    schema: z.ZodType<T, T>,
    query: RequestQuery = {},
    pageSize = 50,
  ): AsyncGenerator<T[], void, undefined> {
    // Held from the first page to the last (or to the caller's break): the client stays open between pages.
    this.lifecycle.enter();
    try {
      yield* pagesOf((spec) => this.request(spec), path, schema, query, pageSize);
    } finally {
      this.lifecycle.leave();
    }
  }

  async *items<T>(
    path: string,
    schema: z.ZodType<T, T>,
    query: RequestQuery = {},
    pageSize = 50,
  ): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages(path, schema, query, pageSize)) yield* page;
  }

  private async withRetries<T>(spec: RequestSpec<T>): Promise<StoreAnswer<T>> {
    const path = `${spec.path}${buildQuery(spec.query)}`;
    const shown = redactPath(path);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await this.attempt(spec.method, path, shown, spec.body);
        return {
          data: checkAnswer(spec, shown, response.data),
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
      this.lastCall = { ok: true, reason: null, reasonRef: null, at: this.clock.now() };
      return parsed;
    } catch (error) {
      if (error instanceof StoreError) {
        if (error.kind === 'rate_limited') this.budget.block(this.clock.now() + (error.retryAfterMs ?? 1000));
        const unwell = BREAKER_KINDS.has(error.kind);
        if (unwell) this.breaker.onFailure(trial, error.message);
        else this.breaker.onNeutral(trial);
        this.lastCall = {
          ok: !unwell,
          reason: unwell ? error.message : null,
          reasonRef: unwell ? storeReasonRef(error) : null,
          at: this.clock.now(),
        };
      } else {
        this.breaker.onNeutral(trial);
      }
      throw error;
    }
  }
}
