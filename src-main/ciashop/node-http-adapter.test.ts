import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { testStoreConnection } from './connection-test';
import { StoreClient } from './store-client';
import { storeFailure } from './test-support';

let server: Server | undefined;
const clients: StoreClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

const serve = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('lean node:http adapter', () => {
  it('reads gzip bodies and sends JSON bodies with the Bearer token', async () => {
    let seen: { auth?: string; type?: string; body?: string } = {};
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen = { auth: req.headers.authorization, type: req.headers['content-type'], body };
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify({ id: 7, name: 'Bebidas' })));
      });
    });
    const client = new StoreClient({ url, token: 'tok' });
    clients.push(client);
    const department = await client.createDepartment({ name: 'Bebidas' });
    expect(department).toMatchObject({ id: 7, name: 'Bebidas' });
    expect(seen).toEqual({ auth: 'Bearer tok', type: 'application/json', body: '{"name":"Bebidas"}' });
  });

  it('the time-out is total: an answer that keeps trickling in still times out', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write(' '), 40);
      res.on('close', () => clearInterval(drip));
    });
    const client = new StoreClient({ url, token: 'tok', timeoutMs: 200, retry: { maxAttempts: 1 } });
    clients.push(client);
    const started = Date.now();
    const error = await storeFailure(client.getCustomer(1));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not follow redirects: the connection test names the URL and the destination', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(301, { Location: 'https://www.loja.com.br/api/v1/departments' });
      res.end();
    });
    const client = new StoreClient({ url, token: 'tok', retry: { maxAttempts: 1 } });
    clients.push(client);
    const error = await storeFailure(client.setStock('1', '1', 5));
    expect(error.kind).toBe('invalid_response');
    const result = await testStoreConnection({ url, token: 'tok' });
    expect(result).toMatchObject({ ok: false, failed: 'url' });
  });
});
