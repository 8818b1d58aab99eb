import type { MessageRef } from '../contract/messages';
import type { z } from 'zod';
import type { BudgetSnapshot } from './api-budget';
import type { CircuitSnapshot } from './circuit-breaker';
import type { Clock } from '../shared/clock';
import type { HttpTransport } from './http-transport';
import type { RequestQuery, RequestSpec, StoreAnswer } from './request-spec';
import type { RetryOptions } from './retry-policy';
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

/**
 * How the last call on the wire ended: answered (any HTTP answer the breaker does not count as the store
 * being unwell, a 4xx included), or failed (refused, time-out, 5xx, an answer that is not the API's, auth)
 * with the pt-BR reason. What the Painel's "Conexão" shows before the breaker opens.
 */
export interface LastCallOutcome {
  ok: boolean;
  /** pt-BR, the failure; null when answered. */
  reason: string | null;
  /** The reason's key for the UI's other languages (ADR 0025); null when answered. */
  reasonRef: MessageRef | null;
  /** Epoch ms when it ended. */
  at: number;
}

export interface StoreClientState {
  apiRoot: string;
  circuit: CircuitSnapshot;
  budget: BudgetSnapshot;
  calls: number;
  /** null until a call has gone out. */
  lastCall: LastCallOutcome | null;
}

/** What the endpoint functions (endpoints/*.ts) need from the client. */
export interface StoreCaller {
  request<T = unknown>(spec: RequestSpec<T>): Promise<StoreAnswer<T>>;
  pages<T>(
    path: string,
    schema: z.ZodType<T, T>,
    query?: RequestQuery,
    pageSize?: number,
  ): AsyncGenerator<T[], void, undefined>;
  /** Runs several calls as one operation: closeWhenIdle() waits for the whole of it, not just each call. */
  hold<T>(operation: () => Promise<T>): Promise<T>;
  /** Attempts allowed for one logical call (the retry policy). */
  readonly maxAttempts: number;
  /** Waits the backoff (full jitter) that follows failed attempt number `attempt` (0 = the first). */
  backoff(attempt: number): Promise<void>;
}
