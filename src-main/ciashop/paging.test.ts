import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreClient } from './store-client';
import { storeFailure } from './store-failure.test-support';

let server: Server | undefined;
let client: StoreClient | undefined;
afterEach(async () => {
  client?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A store whose list has `total` items and answers x-hasmore as `header` decides. */
const store = async (
  total: number,
  header: (page: number, limit: number) => string | null,
  maxPageSize = Infinity,
): Promise<StoreClient> => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const limit = Math.min(Number(url.searchParams.get('limit')), maxPageSize);
    const page = Number(url.searchParams.get('page'));
    const items = Array.from({ length: total }, (_, i) => ({ id: i + 1 })).slice(
      (page - 1) * limit,
      page * limit,
    );
    const value = header(page, limit);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(value === null ? {} : { 'x-hasmore': value }),
    });
    res.end(JSON.stringify(items));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  client = new StoreClient({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token: 't',
    retry: { maxAttempts: 1 },
  });
  return client;
};

const Item = z.looseObject({ id: z.number() });
const all = async (c: StoreClient, pageSize: number) => {
  const ids: number[] = [];
  for await (const page of c.pages('departments', Item, {}, pageSize))
    ids.push(...page.map((item) => item.id));
  return ids;
};

describe('paging', () => {
  it('without x-hasmore, keeps going while pages are full (never stops early on an exact multiple)', async () => {
    const c = await store(20, () => null);
    expect(await all(c, 10)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('without x-hasmore, a store that caps the page size is still read to the end', async () => {
    const c = await store(25, () => null, 10);
    expect(await all(c, 50)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('trusts x-hasmore: false even on a full page', async () => {
    const c = await store(30, (page) => (page < 2 ? 'true' : 'false'));
    expect(await all(c, 10)).toHaveLength(20);
  });

  it('x-hasmore: true with an empty page is an error, not an endless or silent loop', async () => {
    const c = await store(10, () => 'true');
    const error = await storeFailure(all(c, 10));
    expect(error.kind).toBe('invalid_response');
  });

  it('an item that breaks the schema fails the whole read', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'x-hasmore': 'false' });
      res.end(JSON.stringify([{ id: 1 }, { id: 'dois' }]));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    client = new StoreClient({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: 't',
    });
    const error = await storeFailure(all(client, 10));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('1.id');
  });
});
