import type { StoreError } from './store-error';

/**
 * Which calls are retried (ADR 0203):
 * - 'idempotent': GET, PUT, DELETE and the POSTs that set an absolute value (stock, price, statusProcessed):
 *   retried on network errors, time-outs, 5xx, 429 and invalid responses.
 * - 'create': a POST that creates. Retried only when the store certainly did not process it (429 with
 *   the store refusing, connection refused before sending). After a time-out, a reset or a 5xx the
 *   request may have been applied: the caller decides (createProduct looks the erpId up first).
 */
export type CallSafety = 'idempotent' | 'create';

export interface RetryOptions {
  /** Attempts including the first. Default 4. */
  maxAttempts: number;
  /** Backoff base (ms): attempt n waits random(0, min(cap, base·2^n)). Default 500. */
  baseDelayMs: number;
  capDelayMs: number;
  /** A Retry-After longer than this is not waited inside the call: the error is thrown. Default 60 s. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 500,
  capDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

export const shouldRetry = (error: StoreError, safety: CallSafety): boolean => {
  if (!error.retryable) return false;
  if (error.kind === 'circuit_open') return false;
  if (safety === 'idempotent') return true;
  if (error.kind === 'rate_limited') return true;
  return error.kind === 'network' && error.details.some((detail) => detail.code === 'ECONNREFUSED');
};

/** Full jitter: uniform in [0, min(cap, base·2^attempt)). attempt starts at 0 for the first retry. */
export const backoffDelay = (
  attempt: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number => Math.floor(random() * Math.min(options.capDelayMs, options.baseDelayMs * 2 ** attempt));

/** Retry-After is seconds or an HTTP date. Returns ms or undefined. */
export const parseRetryAfter = (value: string | undefined | null, now: number): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && value.trim() !== '') return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};
