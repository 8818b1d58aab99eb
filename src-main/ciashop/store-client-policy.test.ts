import { describe, expect, it } from 'vitest';
import { ManualClock, SkippingClock } from '../shared/test-clocks.test-support';
import { TransportFailure, type HttpTransport, type TransportRequest } from './http-transport';
import type { RawResponse } from './response-errors';
import { StoreClient } from './store-client';

/** A scripted store: each call is answered by `answer`, and every request is recorded with its time. */
const scriptedStore = (
  clock: { now(): number },
  answer: (request: TransportRequest, index: number) => Promise<RawResponse> | RawResponse,
) => {
  const sent: Array<{ method: string; path: string; at: number }> = [];
  const transport: HttpTransport = {
    async send(request) {
      sent.push({ method: request.method, path: request.path, at: clock.now() });
      // An answer takes a moment: concurrent calls are really in flight together.
      await new Promise((resolve) => setTimeout(resolve, 2));
      return answer(request, sent.length - 1);
    },
    close() {},
  };
  return { transport, sent };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers,
  text: JSON.stringify(body),
});

const TOO_MANY = { responseCode: '429', message: 'too_many_requests' };

describe('store client policy with a scripted store', () => {
  it('calls queued behind a 429 do not go out while the store is blocked', async () => {
    const clock = new ManualClock(1_000_000);
    const store = scriptedStore(clock, () => json(429, TOO_MANY, { 'retry-after': '120' }));
    const client = new StoreClient({
      url: 'https://loja.exemplo.com.br',
      token: 't',
      clock,
      transport: store.transport,
      maxConcurrent: 1,
      retry: { maxAttempts: 1 },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) =>
        client.request({ method: 'GET', path: `departments/${index}`, safety: 'idempotent' }),
      ),
    );
    expect(store.sent).toHaveLength(1);
    expect(results.map((result) => result.status)).toEqual(Array(6).fill('rejected'));
    // Rate limiting is the budget's business, not the breaker's (ADR 0204).
    expect(client.state().circuit.state).toBe('closed');
    expect(client.state().budget.blockedUntil).toBe(1_000_000 + 120_000);
  });

  it('429s with a short Retry-After are waited out, not turned into an open circuit', async () => {
    const clock = new SkippingClock();
    let limited = 5;
    const store = scriptedStore(clock, () =>
      limited-- > 0 ? json(429, TOO_MANY, { 'retry-after': '2' }) : json(200, []),
    );
    const client = new StoreClient({
      url: 'https://loja.exemplo.com.br',
      token: 't',
      clock,
      transport: store.transport,
      maxConcurrent: 5,
    });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .request({ method: 'GET', path: 'departments', safety: 'idempotent' })
          .then(() => 'ok')
          .catch((error: { kind: string }) => error.kind),
      ),
    );
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(client.state().circuit.state).toBe('closed');
  });

  it('spaces calls one by one when the budget is low, instead of sending them together', async () => {
    const clock = new ManualClock(1_000_000);
    const store = scriptedStore(clock, () => json(200, [], { 'x-apilimit-remaining': '1000/20' }));
    const client = new StoreClient({
      url: 'https://loja.exemplo.com.br',
      token: 't',
      clock,
      transport: store.transport,
    });
    // One reading: 20 calls left this hour, under the reserve — calls are spaced at 3.6 s (1000/hour).
    await client.request({ method: 'GET', path: 'a', safety: 'idempotent' });
    await Promise.all(
      Array.from({ length: 4 }, () => client.request({ method: 'GET', path: 'b', safety: 'idempotent' })),
    );
    expect(clock.sleeps).toEqual([3600, 7200, 10_800, 14_400]);
  });

  it('returns the product when the create it retried after a time-out turns out to have gone through', async () => {
    const clock = new SkippingClock();
    const product = { id: 7, name: 'Café', erpId: 'E1', variants: [] };
    let committed = false;
    const store = scriptedStore(clock, (request) => {
      if (request.method === 'POST') {
        if (!committed) {
          // The store commits this one late: after the client timed out and looked the erpId up.
          setTimeout(() => (committed = true), 5);
          throw new TransportFailure('ETIMEDOUT', 'sem resposta', null);
        }
        return json(409, { responseCode: '409', message: 'already_exists' });
      }
      return json(200, committed ? [product] : []);
    });
    const client = new StoreClient({
      url: 'https://loja.exemplo.com.br',
      token: 't',
      clock,
      transport: store.transport,
    });
    const created = await client.createProduct({ name: 'Café', erpId: 'E1' });
    expect(created).toMatchObject({ id: 7, erpId: 'E1' });
    expect(store.sent.map((request) => request.method)).toEqual(['POST', 'GET', 'POST', 'GET']);
  });

  it('a document without digits finds nobody and costs no call', async () => {
    const clock = new SkippingClock();
    const store = scriptedStore(clock, () => json(200, [{ id: 1, name: 'Todos' }]));
    const client = new StoreClient({
      url: 'https://loja.exemplo.com.br',
      token: 't',
      clock,
      transport: store.transport,
    });
    expect(await client.findCustomersByDocument('n/d')).toEqual([]);
    expect(await client.findCustomersByDocument('   ')).toEqual([]);
    expect(store.sent).toHaveLength(0);
  });
});
