import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { StoreClient, type StoreClientOptions } from './store-client';
import { storeFailure } from './store-failure.test-support';

let sandbox: StoreSandbox;
let clock: SkippingClock;
const clients: StoreClient[] = [];

const client = (overrides: Partial<StoreClientOptions> = {}): StoreClient => {
  const created = new StoreClient({
    url: sandbox.url,
    token: sandbox.token,
    clock,
    timeoutMs: 300,
    retry: { maxAttempts: 3, baseDelayMs: 100, capDelayMs: 1000 },
    ...overrides,
  });
  clients.push(created);
  return created;
};

const failure = storeFailure;

const listDepartments = (c: StoreClient) =>
  c.request({ method: 'GET', path: 'departments', safety: 'idempotent' });

beforeEach(async () => {
  clock = new SkippingClock();
  sandbox = await startStoreSandbox({ orders: 20, budgetPerHour: 0 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await sandbox.stop();
});

describe('faults', () => {
  it('added latency under the time-out succeeds; over it, times out, is retried, then fails as timeout', async () => {
    sandbox.faults.add({ type: 'latency', ms: 50, times: 1 });
    await expect(listDepartments(client())).resolves.toMatchObject({ status: 200 });
    sandbox.faults.add({ type: 'latency', ms: 600 });
    const slow = client();
    const error = await failure(listDepartments(slow));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(slow.state().calls).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('a request that never gets an answer ends as timeout', async () => {
    sandbox.faults.add({ type: 'hang' });
    const error = await failure(listDepartments(client({ retry: { maxAttempts: 1 } })));
    expect(error.kind).toBe('timeout');
    expect(error.status).toBe(0);
  });

  it('5xx is retried with backoff then succeeds', async () => {
    sandbox.faults.add({ type: 'server-error', status: 503, times: 2 });
    await listDepartments(client());
    expect(sandbox.counts()['GET departments']).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[0]).toBeLessThan(100);
    expect(clock.sleeps[1]).toBeLessThan(200);
  });

  it('5xx that persists fails as server after the capped number of attempts', async () => {
    sandbox.faults.add({ type: 'server-error' });
    const error = await failure(listDepartments(client()));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.details[0]?.code).toBe('internal_error');
    expect(sandbox.counts()['GET departments']).toBe(3);
  });

  it('a create that failed with 5xx is not blindly retried (departments)', async () => {
    sandbox.faults.add({ type: 'server-error', times: 1 });
    const error = await failure(client().createDepartment({ name: 'Bebidas' }));
    expect(error.kind).toBe('server');
    expect(sandbox.counts()['POST departments']).toBe(1);
  });

  it('a product create that failed with 5xx looks the erpId up, then creates once', async () => {
    sandbox.faults.add({ type: 'server-error', path: 'products', method: 'POST', times: 1 });
    const product = await client().createProduct({ name: 'Café', erpId: '30', variants: [{ erpId: '30' }] });
    expect(product.erpId).toBe('30');
    expect(sandbox.counts()['POST products']).toBe(2);
    expect(sandbox.counts()['GET products']).toBe(1);
    expect(sandbox.catalog.products.size).toBe(1);
  });

  it('a product create whose answer was lost (truncated) is found by erpId, not created twice', async () => {
    sandbox.faults.add({ type: 'truncated-json', path: 'products', method: 'POST', times: 1 });
    const product = await client().createProduct({
      name: 'Açúcar',
      erpId: '31',
      variants: [{ erpId: '31' }],
    });
    expect(product.erpId).toBe('31');
    expect(sandbox.counts()['POST products']).toBe(1);
    expect(sandbox.catalog.products.size).toBe(1);
  });

  it.each(['reset', 'hang', 'server-error'] as const)(
    'a product create the store processed but whose answer was lost (%s) is not created twice',
    async (type) => {
      sandbox.faults.add({ type, after: true, path: 'products', method: 'POST', times: 1 });
      const product = await client({ timeoutMs: 300 }).createProduct({
        name: 'Farinha',
        erpId: '32',
        variants: [{ erpId: '32' }],
      });
      expect(product.erpId).toBe('32');
      expect(sandbox.counts()['POST products']).toBe(1);
      expect(sandbox.counts()['GET products']).toBe(1);
      expect(sandbox.catalog.products.size).toBe(1);
    },
  );

  it('the same lost answer on a department create is surfaced, never silently repeated', async () => {
    sandbox.faults.add({ type: 'reset', after: true, path: 'departments', method: 'POST', times: 1 });
    const error = await failure(client().createDepartment({ name: 'Padaria' }));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
    expect(sandbox.counts()['POST departments']).toBe(1);
    expect(sandbox.catalog.departments.size).toBe(1);
  });

  it('429 with Retry-After is honoured (waits the said time) and then succeeds', async () => {
    sandbox.faults.add({ type: 'rate-limit', retryAfterSeconds: 7, times: 1 });
    await listDepartments(client());
    expect(clock.sleeps).toContain(7000);
    expect(sandbox.counts()['GET departments']).toBe(2);
  });

  it('a POST that creates is retried after 429 (the store did not process it)', async () => {
    sandbox.faults.add({ type: 'rate-limit', retryAfterSeconds: 1, times: 1 });
    await client().createDepartment({ name: 'Limpeza' });
    expect(sandbox.catalog.departments.size).toBe(1);
    expect(sandbox.counts()['POST departments']).toBe(2);
  });

  it('a connection reset is a retryable network error; GET is retried and succeeds', async () => {
    sandbox.faults.add({ type: 'reset', times: 1 });
    await listDepartments(client());
    expect(sandbox.received.filter((r) => r.path === 'departments').map((r) => r.status)).toEqual([0, 200]);
    sandbox.faults.add({ type: 'reset' });
    const error = await failure(listDepartments(client({ retry: { maxAttempts: 1 } })));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('interrompida');
  });

  it('truncated JSON is invalid_response', async () => {
    sandbox.faults.add({ type: 'truncated-json' });
    const error = await failure(client().getOrder(100_001));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/incompleta/);
  });

  it('a non-JSON (HTML) answer is invalid_response', async () => {
    sandbox.faults.add({ type: 'non-json' });
    const error = await failure(listDepartments(client({ retry: { maxAttempts: 1 } })));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('HTML');
  });

  it('an error body that arrives with HTTP 200 is an error (responseCode overrides the status)', async () => {
    sandbox.faults.add({ type: 'error-200', status: 500, times: 1 });
    const c = client({ retry: { maxAttempts: 1 } });
    const error = await failure(c.getOrder(100_001));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.message).toContain('Erro de processamento');
  });

  it('an invalid token is auth, not retried', async () => {
    const error = await failure(listDepartments(client({ token: 'wrong' })));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(sandbox.received.length).toBe(1);
  });

  it('a closed local port is a network error (connection refused)', async () => {
    const port = sandbox.port;
    await sandbox.stop();
    sandbox = await startStoreSandbox({ orders: 1, budgetPerHour: 0 });
    const error = await failure(
      new StoreClient({
        url: `http://127.0.0.1:${port}`,
        token: 't',
        clock,
        retry: { maxAttempts: 2, baseDelayMs: 1 },
      }).request({
        method: 'GET',
        path: 'departments',
        safety: 'idempotent',
      }),
    );
    expect(error.kind).toBe('network');
    expect(error.details[0]?.code).toBe('ECONNREFUSED');
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a base URL whose API path 404s is not_found', async () => {
    const error = await failure(listDepartments(client({ url: `${sandbox.url}/outra-loja` })));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
  });

  it('a server that answers non-JSON with an error status keeps that status', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('Bad Gateway');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const error = await failure(
        listDepartments(client({ url: `http://127.0.0.1:${port}`, retry: { maxAttempts: 1 } })),
      );
      expect(error.kind).toBe('server');
      expect(error.status).toBe(502);
      expect(error.message).toContain('Bad Gateway');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('concurrency per store', () => {
  it('never has more than maxConcurrent calls in flight at the store', async () => {
    sandbox.faults.add({ type: 'latency', ms: 30 });
    const c = client({ maxConcurrent: 2, timeoutMs: 2000 });
    await Promise.all(Array.from({ length: 8 }, () => listDepartments(c)));
    expect(sandbox.counts()['GET departments']).toBe(8);
    expect(sandbox.peakConcurrency()).toBe(2);
  });
});

describe('budget', () => {
  it('reads x-apilimit-remaining, and once the hourly budget is exhausted stops calling until Retry-After', async () => {
    await sandbox.stop();
    clock.advance(Date.UTC(2030, 0, 1, 10, 10) - clock.now()); // 50 minutes before the store's hour ends
    sandbox = await startStoreSandbox({ orders: 1, budgetPerHour: 3, now: () => clock.now() });
    const c = client({ budgetReserve: 0 });
    await listDepartments(c);
    expect(c.state().budget).toMatchObject({ limit: 3, second: 2, raw: '3/2' });
    await listDepartments(c);
    await listDepartments(c);
    // "3/2" then "3/1" then "3/0": the second figure falls by one per call, so it is read as "remaining".
    expect(c.state().budget).toMatchObject({ semantics: 'remaining', remaining: 0 });
    const selfLimited = await failure(listDepartments(c));
    expect(selfLimited.kind).toBe('rate_limited');
    expect(sandbox.received.length).toBe(3);

    // A client that knows nothing yet hits the store's 429 and honours its (long) Retry-After.
    const fresh = client({ budgetReserve: 0 });
    const error = await failure(listDepartments(fresh));
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBeGreaterThan(49 * 60_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(50 * 60_000);
    expect(sandbox.received.at(-1)?.status).toBe(429);
    const c2 = fresh;
    const callsBefore = sandbox.received.length;
    const blocked = await failure(listDepartments(c2));
    expect(blocked.kind).toBe('rate_limited');
    expect(sandbox.received.length).toBe(callsBefore);
    expect(c2.state().budget.blockedUntil).not.toBeNull();
    clock.advance(error.retryAfterMs! + 1000);
    await expect(listDepartments(c2)).resolves.toMatchObject({ status: 200 });
  });

  it('spaces calls at the sustained rate when the conservative reading runs low', async () => {
    await sandbox.stop();
    clock.advance(Date.UTC(2030, 0, 1, 10, 10) - clock.now());
    sandbox = await startStoreSandbox({ orders: 1, budgetPerHour: 1000, now: () => clock.now() });
    const c = client({ budgetReserve: 10 });
    await listDepartments(c);
    // "1000/999": read as "used", only 1 call would be left, so the client spaces calls by 3.6 s.
    await listDepartments(c);
    expect(clock.sleeps.some((ms) => ms > 3000 && ms <= 3600)).toBe(true);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, refuses calls without touching the store, then recovers', async () => {
    const c = client({ retry: { maxAttempts: 1 }, breaker: { failureThreshold: 3, openMs: 10_000 } });
    sandbox.faults.add({ type: 'server-error', times: 3 });
    for (let i = 0; i < 3; i += 1) await failure(listDepartments(c));
    const open = c.state().circuit;
    expect(open.state).toBe('open');
    expect(open.reason).toContain('erro interno');
    expect(open.until).toBeGreaterThan(clock.now());
    const refused = await failure(listDepartments(c));
    expect(refused.kind).toBe('circuit_open');
    expect(sandbox.counts()['GET departments']).toBe(3);

    clock.advance(10_001);
    await listDepartments(c);
    expect(c.state().circuit).toMatchObject({
      state: 'closed',
      reason: null,
      until: null,
      consecutiveFailures: 0,
    });
  });

  it('a failed trial re-opens it for longer', async () => {
    const c = client({ retry: { maxAttempts: 1 }, breaker: { failureThreshold: 1, openMs: 1000 } });
    sandbox.faults.add({ type: 'server-error', times: 2 });
    await failure(listDepartments(c));
    expect(c.state().circuit.state).toBe('open');
    clock.advance(1001);
    await failure(listDepartments(c));
    const state = c.state().circuit;
    expect(state.state).toBe('open');
    expect(state.until! - clock.now()).toBeGreaterThan(1500);
  });

  it('does not open on answers that are about the request (404, 409)', async () => {
    const c = client({ retry: { maxAttempts: 1 }, breaker: { failureThreshold: 2 } });
    for (let i = 0; i < 4; i += 1) await failure(c.getOrder(1));
    expect(c.state().circuit.state).toBe('closed');
  });
});
