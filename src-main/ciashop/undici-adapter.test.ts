import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { testStoreConnection } from './connection-test';
import { StoreClient } from './store-client';
import { MAX_BODY_BYTES } from './undici-adapter';
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

describe('undici adapter', () => {
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

  it('decodes deflate and brotli answers too', async () => {
    const body = JSON.stringify({ id: 5, name: 'Ana' });
    let next = 0;
    const url = await serve((_req, res) => {
      const [encoding, data] =
        next++ === 0 ? ['deflate', deflateSync(body)] : ['br', brotliCompressSync(body)];
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding });
      res.end(data);
    });
    const client = new StoreClient({ url, token: 'tok' });
    clients.push(client);
    expect(await client.getCustomer(5)).toEqual({ id: 5, name: 'Ana' });
    expect(await client.getCustomer(5)).toEqual({ id: 5, name: 'Ana' });
  });

  it('an answer cut mid-body is a network error (ECONNRESET), and a create is not repeated', async () => {
    let calls = 0;
    const url = await serve((req, res) => {
      calls += 1;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"id": 1,');
      setTimeout(() => req.socket.destroy(), 10);
    });
    const client = new StoreClient({ url, token: 'tok' });
    clients.push(client);
    const error = await storeFailure(client.createDepartment({ name: 'Bebidas' }));
    expect(error.kind).toBe('network');
    expect(error.details[0]?.code).toBe('ECONNRESET');
    expect(error.message).toContain('interrompida');
    expect(calls).toBe(1);
  });

  it('refuses an answer larger than the limit, even when it arrives compressed', async () => {
    const huge = gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1024, 32));
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(huge);
    });
    const client = new StoreClient({ url, token: 'tok', retry: { maxAttempts: 1 } });
    clients.push(client);
    const error = await storeFailure(client.getCustomer(1));
    expect(error.kind).toBe('network');
    expect(error.details[0]?.code).toBe('ERR_BODY_TOO_LARGE');
  });

  it('speaks https, and names a certificate the machine does not trust', async () => {
    const testdata = new URL('./testdata/', import.meta.url);
    server = createHttpsServer(
      {
        key: readFileSync(new URL('self-signed.key.pem', testdata)),
        cert: readFileSync(new URL('self-signed.cert.pem', testdata)),
      },
      (_req, res) => res.end('{}'),
    ) as unknown as Server;
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new StoreClient({ url, token: 'tok', retry: { maxAttempts: 1 } });
    clients.push(client);
    const error = await storeFailure(client.getCustomer(1));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('certificado https da loja não é válido');
    expect(error.details[0]?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
