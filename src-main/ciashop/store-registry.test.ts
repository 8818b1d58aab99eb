import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { Branch, defaultSettings, type Settings } from '../contract';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { StoreClientRegistry } from './store-registry';
import { heldTransport } from './held-transport.test-support';
import { storeFailure } from './store-failure.test-support';

let sandbox: StoreSandbox | undefined;
let registry: StoreClientRegistry | undefined;
afterEach(async () => {
  registry?.close();
  await sandbox?.stop();
});

const settingsWith = (...branches: Array<{ code: string; url?: string; token?: string }>): Settings => ({
  ...defaultSettings(),
  branches: branches.map((b) =>
    Branch.parse({
      code: b.code,
      name: `Filial ${b.code}`,
      store: { url: b.url ?? '', token: b.token ?? '' },
    }),
  ),
});

describe('StoreClientRegistry', () => {
  it('gives one client per branch, rebuilt when the URL or token changes', async () => {
    sandbox = await startStoreSandbox({ budgetPerHour: 0 });
    let settings = settingsWith({ code: '1', url: sandbox.url, token: sandbox.token });
    registry = new StoreClientRegistry(() => settings);
    const first = registry.forBranch('1');
    expect(registry.forBranch('1')).toBe(first);
    settings = settingsWith(
      { code: '1', url: sandbox.url, token: sandbox.token },
      { code: '2', url: `${sandbox.url}/manager`, token: sandbox.token },
    );
    expect(registry.forBranch('2')).toBe(first); // same store, same budget and breaker
    settings = settingsWith({ code: '1', url: sandbox.url, token: 'outro' });
    const second = registry.forBranch('1');
    expect(second).not.toBe(first);
    expect((await storeFailure(second.getCustomer(5001))).kind).toBe('auth');
  });

  it('names the missing field in pt-BR for a branch without URL or token, and an unknown branch', () => {
    registry = new StoreClientRegistry(() =>
      settingsWith({ code: '1' }, { code: '2', url: 'https://loja.com.br' }),
    );
    const noUrl = (() => {
      try {
        registry!.forBranch('1');
      } catch (error) {
        return error as AppError;
      }
      throw new Error('expected an AppError');
    })();
    expect(noUrl).toBeInstanceOf(AppError);
    expect(noUrl).toMatchObject({ code: 'store_not_configured', field: 'store.url' });
    expect(() => registry!.forBranch('2')).toThrow(/Token da loja/);
    expect(() => registry!.forBranch('9')).toThrow(/Filial 9/);
  });

  it('reports each branch state: an open circuit with its reason and time, and a URL problem', async () => {
    sandbox = await startStoreSandbox({ budgetPerHour: 0 });
    const clock = new SkippingClock();
    registry = new StoreClientRegistry(
      () =>
        settingsWith(
          { code: '1', url: sandbox!.url, token: sandbox!.token },
          { code: '2', url: 'http://loja.com.br', token: 'x' },
          { code: '3' },
        ),
      { clock, retry: { maxAttempts: 1 }, breaker: { failureThreshold: 2, openMs: 60_000 } },
    );
    sandbox.faults.add({ type: 'server-error' });
    const client = registry.forBranch('1');
    await storeFailure(client.getCustomer(5001));
    await storeFailure(client.getCustomer(5001));
    const [one, two, three] = registry.states();
    expect(one).toMatchObject({
      branch: '1',
      configured: true,
      circuit: { state: 'open', consecutiveFailures: 2 },
    });
    expect(one?.circuit.reason).toContain('erro interno');
    expect(Date.parse(one!.circuit.until!)).toBeGreaterThan(clock.now());
    expect(two).toMatchObject({ branch: '2', configured: true, apiRoot: null });
    expect(two?.problem).toContain('https');
    expect(three).toMatchObject({ branch: '3', configured: false, problem: null });
  });

  it('reading the states neither creates nor closes a client; a replaced client closes once its call ends', async () => {
    const { transport, answerNext } = heldTransport();
    let settings = settingsWith({ code: '1', url: 'https://loja.example.com.br', token: 'a' });
    registry = new StoreClientRegistry(() => settings, { transport, retry: { maxAttempts: 1 } });
    expect(registry.states()[0]).toMatchObject({
      apiRoot: 'https://loja.example.com.br/api/v1/',
      problem: null,
      calls: 0,
    });
    const old = registry.forBranch('1');
    const call = old.request({ method: 'GET', path: 'departments', safety: 'idempotent' });
    settings = settingsWith({ code: '1', url: 'https://loja.example.com.br', token: 'b' });
    registry.states(); // the Painel polls while the call is in flight
    expect(transport.closed).toBe(0);
    expect(registry.forBranch('1')).not.toBe(old); // the new token's client; the old one leaves
    expect(transport.closed).toBe(0);
    await answerNext([]);
    await call;
    expect(transport.closed).toBe(1);
  });

  it('lets a createProduct in flight finish when the token changes (no aborted, ambiguous create)', async () => {
    sandbox = await startStoreSandbox({ budgetPerHour: 0 });
    sandbox.faults.add({ type: 'latency', ms: 300, method: 'POST', path: 'products', times: 1 });
    let settings = settingsWith({ code: '1', url: sandbox.url, token: sandbox.token });
    registry = new StoreClientRegistry(() => settings);
    const old = registry.forBranch('1');
    const creating = old.createProduct({ name: 'Arroz 5 kg', erpId: '77', variants: [{ erpId: '77' }] });
    for (let tick = 0; tick < 100 && sandbox.peakConcurrency() === 0; tick += 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sandbox.peakConcurrency()).toBe(1); // the POST is at the store, its answer still to come
    settings = settingsWith({ code: '1', url: sandbox.url, token: 'token-novo' });
    registry.states();
    expect(registry.forBranch('1')).not.toBe(old);
    await expect(creating).resolves.toMatchObject({ erpId: '77' });
    expect([...sandbox.catalog.products.values()].filter((p) => p.erpId === '77')).toHaveLength(1);
    // Idle now: the replaced client is closed and refuses a further call without sending it.
    const sent = sandbox.totalCalls();
    expect((await storeFailure(old.getCustomer(5001))).message).toMatch(/foi encerrada/);
    expect(sandbox.totalCalls()).toBe(sent);
  });
});
