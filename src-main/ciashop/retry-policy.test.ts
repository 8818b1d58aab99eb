import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, backoffDelay, parseRetryAfter, shouldRetry } from './retry-policy';
import { StoreError, type StoreErrorKind } from './store-error';

const error = (kind: StoreErrorKind, code?: string) =>
  new StoreError({ kind, status: 0, message: kind, ...(code ? { details: [{ message: '', code }] } : {}) });

describe('retry policy', () => {
  it.each([
    ['network', 'idempotent', true],
    ['timeout', 'idempotent', true],
    ['server', 'idempotent', true],
    ['rate_limited', 'idempotent', true],
    ['invalid_response', 'idempotent', true],
    ['auth', 'idempotent', false],
    ['not_found', 'idempotent', false],
    ['conflict', 'idempotent', false],
    ['bad_request', 'idempotent', false],
    ['circuit_open', 'idempotent', false],
    ['timeout', 'create', false],
    ['server', 'create', false],
    ['network', 'create', false],
    ['invalid_response', 'create', false],
    ['rate_limited', 'create', true],
  ] as const)('%s on a %s call → retry %s', (kind, safety, expected) => {
    expect(shouldRetry(error(kind), safety)).toBe(expected);
  });

  it('retries a create when the connection was refused (nothing was sent)', () => {
    expect(shouldRetry(error('network', 'ECONNREFUSED'), 'create')).toBe(true);
    expect(shouldRetry(error('network', 'ECONNRESET'), 'create')).toBe(false);
  });

  it('full jitter: uniform between 0 and the capped exponential', () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => 0.999)).toBe(499);
    expect(backoffDelay(3, DEFAULT_RETRY, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0.999)).toBe(9990);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0)).toBe(0);
  });

  it('parses Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')),
    ).toBe(30_000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
