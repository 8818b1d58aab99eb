import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { testStoreConnection } from './connection-test';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { StoreClient } from './store-client';
import { createHttpTransport } from './http-transport';
import { MAX_BODY_BYTES, proxyFromEnvironment } from './undici-adapter';
import { storeFailure } from './store-failure.test-support';

let server: Server | undefined;
let proxyServer: Server | undefined;
const clients: Array<{ close(): void }> = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of [server, proxyServer]) {
    s?.closeAllConnections();
    await new Promise((resolve) => (s ? s.close(resolve) : resolve(undefined)));
  }
  server = proxyServer = undefined;
});

/**
 * A CONNECT proxy that sends every tunnel to 127.0.0.1 whatever host it names (the store's name is never
 * resolved here), and records the targets asked for.
 */
const startProxy = async (): Promise<{ url: string; tunnels: string[] }> => {
  const tunnels: string[] = [];
  proxyServer = createServer((_req, res) => res.writeHead(405).end());
  proxyServer.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxyServer!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`, tunnels };
};

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
    let hits = 0;
    server!.on('request', () => (hits += 1));
    const client = new StoreClient({ url, token: 'tok', clock: new SkippingClock() });
    clients.push(client);
    const error = await storeFailure(client.getCustomer(1));
    expect(hits).toBe(1);
    expect(error.kind).toBe('invalid_response');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('grande demais');
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

  it('goes through the proxy the environment names (tunnel), but not for a loopback store', async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization }));
    });
    const port = new URL(url).port;
    const proxy = await startProxy();
    // NO_PROXY is handed to undici's EnvHttpProxyAgent as read; testing it end to end would need a name
    // resolved without the proxy, i.e. a DNS query, which these tests never make.
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: 'interna.test' };
    const settings = proxyFromEnvironment(env);
    expect(settings).toEqual({ httpProxy: proxy.url, httpsProxy: undefined, noProxy: 'interna.test' });

    // loja.exemplo.test does not resolve: only the proxy (which sends it to 127.0.0.1) can reach it.
    const viaProxy = createHttpTransport(`http://loja.exemplo.test:${port}/api/v1/`, 'tok', settings);
    clients.push(viaProxy);
    const answer = await viaProxy.send({ method: 'GET', path: 'customers/1', timeoutMs: 2000 });
    expect(JSON.parse(answer.text)).toEqual({ path: '/api/v1/customers/1', auth: 'Bearer tok' });
    expect(proxy.tunnels).toEqual([`loja.exemplo.test:${port}`]);

    const loopback = createHttpTransport(`${url}/api/v1/`, 'tok', settings);
    clients.push(loopback);
    expect((await loopback.send({ method: 'GET', path: 'x', timeoutMs: 2000 })).status).toBe(200);
    expect(proxy.tunnels).toHaveLength(1);
  });

  it('reads the proxy variables in either case and ignores empty ones', () => {
    expect(proxyFromEnvironment({ https_proxy: 'http://p:3128', HTTP_PROXY: ' ', no_proxy: 'a,b' })).toEqual({
      httpProxy: undefined,
      httpsProxy: 'http://p:3128',
      noProxy: 'a,b',
    });
    expect(proxyFromEnvironment({})).toEqual({
      httpProxy: undefined,
      httpsProxy: undefined,
      noProxy: undefined,
    });
  });

  it('a compressed body that does not decode is an invalid answer, not a network failure', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end('{"id": 1} is not gzip');
    });
    const client = new StoreClient({ url, token: 'tok', retry: { maxAttempts: 1 } });
    clients.push(client);
    const error = await storeFailure(client.getCustomer(1));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('compactada');
    expect(error.details[0]?.code).toBe('Z_DATA_ERROR');
  });
});
