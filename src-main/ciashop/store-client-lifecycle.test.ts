import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HttpTransport } from './http-transport';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { StoreClient } from './store-client';
import { heldTransport } from './held-transport.test-support';
import { storeFailure } from './store-failure.test-support';

const clientOn = (transport: HttpTransport) =>
  new StoreClient({ url: 'https://loja.example.com.br', token: 't', transport, clock: new SkippingClock() });

describe('StoreClient: closing a replaced client', () => {
  it('closeWhenIdle waits for the call in flight, then closes', async () => {
    const { transport, answerNext } = heldTransport();
    const client = clientOn(transport);
    const call = client.request({ method: 'GET', path: 'departments', safety: 'idempotent' });
    client.closeWhenIdle();
    expect(transport.closed).toBe(0);
    await answerNext([]);
    await expect(call).resolves.toMatchObject({ status: 200, data: [] });
    expect(transport.closed).toBe(1);
  });

  it('closes at once when nothing is in progress', () => {
    const { transport } = heldTransport();
    clientOn(transport).closeWhenIdle();
    expect(transport.closed).toBe(1);
  });

  it('keeps a paged pull open between its pages, and closes when the pull ends', async () => {
    const { transport, answerNext } = heldTransport();
    const client = clientOn(transport);
    const Item = z.looseObject({ id: z.number() });
    const pages = client.pages('departments', Item, {}, 2);
    const first = pages.next();
    await answerNext([{ id: 1 }, { id: 2 }], { 'x-hasmore': 'true' });
    expect((await first).value).toEqual([{ id: 1 }, { id: 2 }]);
    client.closeWhenIdle();
    const second = pages.next();
    await answerNext([{ id: 3 }], { 'x-hasmore': 'false' });
    expect((await second).value).toEqual([{ id: 3 }]);
    expect(transport.closed).toBe(0);
    expect((await pages.next()).done).toBe(true);
    expect(transport.closed).toBe(1);
  });

  it('refuses a call on a closed client in pt-BR, sending nothing', async () => {
    const { transport } = heldTransport();
    const client = clientOn(transport);
    client.close();
    const error = await storeFailure(client.getCustomer(5001));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /^Loja https:\/\/loja\.example\.com\.br\/api\/v1\/: a conexão .* foi encerrada/,
    );
    expect(error.fix).toMatch(/Execute a operação novamente/);
    expect(transport.sent).toHaveLength(0);
  });
});
