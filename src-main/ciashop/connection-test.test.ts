import { describe, expect, it } from 'vitest';
import { testStoreConnection } from './connection-test';
import { TransportFailure, type HttpTransport } from './http-transport';
import type { RawResponse } from './response-errors';

const answering = (response: RawResponse): HttpTransport & { paths: string[] } => {
  const paths: string[] = [];
  return {
    paths,
    send: async (request) => {
      paths.push(request.path);
      return response;
    },
    close: () => {},
  };
};
const failing = (code: string): HttpTransport => ({
  send: async () => {
    throw new TransportFailure(code, `${code} simulated`, null);
  },
  close: () => {},
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers,
  text: JSON.stringify(body),
});

describe('testStoreConnection verdicts', () => {
  const input = { url: 'https://www.minhaloja.com.br/manager', token: 'tok' };

  it('ok: one cheap authenticated call, the limit figures returned', async () => {
    const transport = answering(json(200, [], { 'x-apilimit-remaining': '1000/998' }));
    const result = await testStoreConnection(input, { transport });
    expect(result).toMatchObject({
      ok: true,
      failed: 'none',
      apiRoot: 'https://www.minhaloja.com.br/api/v1/',
      apiLimit: { limit: 1000, second: 998 },
    });
    expect(transport.paths).toEqual(['departments?limit=1']);
  });

  it.each([
    ['401 → token', json(401, { responseCode: '401', message: 'unauthorized' }), 'token'],
    [
      'error body with HTTP 200 saying 401 → token',
      json(200, { responseCode: '401', message: 'unauthorized' }),
      'token',
    ],
    ['404 on the API root → url', json(404, { responseCode: '404', message: 'notfound' }), 'url'],
    ['an HTML page → url', { status: 200, headers: {}, text: '<html>Loja</html>' }, 'url'],
    [
      '500 → store (it answered, with an error)',
      json(500, { responseCode: '500', message: 'erro' }),
      'store',
    ],
    ['429 → store', json(429, { responseCode: '429', message: 'too_many' }), 'store'],
  ] as const)('%s', async (_name, response, failed) => {
    const result = await testStoreConnection(input, { transport: answering(response) });
    expect(result.ok).toBe(false);
    expect(result.failed).toBe(failed);
  });

  it.each([
    ['ENOTFOUND', 'DNS'],
    ['ECONNREFUSED', 'recusada'],
    ['ECONNRESET', 'interrompida'],
    ['ETIMEDOUT', 'a tempo'],
    ['CERT_HAS_EXPIRED', 'certificado'],
  ])('%s → network, message says why and mentions the URL', async (code, words) => {
    const result = await testStoreConnection(input, { transport: failing(code) });
    expect(result).toMatchObject({ ok: false, failed: 'network' });
    expect(result.message).toContain(words);
    expect(result.message).toContain('URL da loja');
  });

  it('an invalid URL or an empty token is reported before any call', async () => {
    const transport = answering(json(200, []));
    expect(
      await testStoreConnection({ url: 'http://www.loja.com.br', token: 'x' }, { transport }),
    ).toMatchObject({ failed: 'url' });
    expect(
      await testStoreConnection({ url: 'https://www.loja.com.br', token: '  ' }, { transport }),
    ).toMatchObject({ failed: 'token' });
    expect(transport.paths).toEqual([]);
  });

  it('names the proxy the environment sets for the store (never its password), and none for loopback', async () => {
    const proxy = { httpsProxy: 'http://fulano:segredo@proxy.empresa.local:3128', noProxy: 'intranet.local' };
    const down = await testStoreConnection(input, { transport: failing('ECONNREFUSED'), proxy });
    expect(down.failed).toBe('network');
    expect(down.message).toContain('Proxy do ambiente para este endereço: http://proxy.empresa.local:3128');
    expect(down.message).toContain('NO_PROXY: intranet.local');
    expect(down.message).not.toContain('segredo');
    const up = await testStoreConnection(input, { transport: answering(json(200, [])), proxy });
    expect(up.message).toContain('proxy.empresa.local:3128');
    const local = await testStoreConnection(
      { url: 'http://127.0.0.1:4010', token: 'tok' },
      { transport: answering(json(200, [])), proxy },
    );
    expect(local.message).not.toContain('Proxy');
    const none = await testStoreConnection(input, { transport: answering(json(200, [])), proxy: {} });
    expect(none.message).not.toContain('Proxy');
  });
});
