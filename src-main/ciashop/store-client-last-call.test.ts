import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { StoreClient } from './store-client';
import { storeFailure } from './store-failure.test-support';

let sandbox: StoreSandbox;
let clock: SkippingClock;
const clients: StoreClient[] = [];

const client = (url = sandbox.url): StoreClient => {
  const created = new StoreClient({
    url,
    token: sandbox.token,
    clock,
    timeoutMs: 300,
    retry: { maxAttempts: 1 },
  });
  clients.push(created);
  return created;
};
const listDepartments = (c: StoreClient) =>
  c.request({ method: 'GET', path: 'departments', safety: 'idempotent' });

/** A local port nothing listens on (opened, then closed): a call to it is refused. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

beforeEach(async () => {
  clock = new SkippingClock();
  sandbox = await startStoreSandbox({ orders: 1, budgetPerHour: 0 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await sandbox.stop();
});

describe('the last call\'s outcome (the Painel\'s "Conexão" before the breaker opens)', () => {
  it('is null before any call, answered after a 200, and failed with the reason after a refused connection', async () => {
    const store = client();
    expect(store.state().lastCall).toBeNull();
    await listDepartments(store);
    expect(store.state().lastCall).toMatchObject({ ok: true, reason: null });

    const port = await closedPort();
    const refused = client(`http://127.0.0.1:${port}`);
    const error = await storeFailure(listDepartments(refused));
    expect(error.kind).toBe('network');
    // One failure: the breaker is still closed (it opens after 5), but the outcome already says "error".
    expect(refused.state().circuit.state).toBe('closed');
    expect(refused.state().lastCall).toMatchObject({ ok: false, reason: error.message });
    expect(error.message).toMatch(/recusada/);
  });

  it('a time-out is a failure; a 4xx the store answered is not a connection problem', async () => {
    sandbox.faults.add({ type: 'hang' });
    const store = client();
    const timeout = await storeFailure(listDepartments(store));
    expect(timeout.kind).toBe('timeout');
    expect(store.state().lastCall).toMatchObject({ ok: false, reason: timeout.message });

    const wrongPath = client(`${sandbox.url}/outra-loja`);
    await storeFailure(listDepartments(wrongPath));
    expect(wrongPath.state().lastCall).toMatchObject({ ok: true, reason: null });
  });
});
