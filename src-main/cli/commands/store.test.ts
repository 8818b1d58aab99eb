import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStoreSandbox, type StoreSandbox } from '../../sandbox/store/store-sandbox';
import { runCli } from '../program';

let sandbox: StoreSandbox;
let out: string[];
let err: string[];

beforeAll(async () => {
  sandbox = await startStoreSandbox({ token: 'cli-token' });
});
afterAll(async () => {
  await sandbox.stop();
});

const run = async (args: string[]): Promise<number> => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return runCli(args);
};
afterEach(() => {
  vi.restoreAllMocks();
});

describe('store test (CLI)', () => {
  it('exits 0 when the store answers and accepts the token', async () => {
    expect(await run(['store', 'test', '--url', sandbox.url, '--token', 'cli-token'])).toBe(0);
    expect(out.join('')).toContain('Conexão com a loja OK');
  });

  it('prints JSON with --json', async () => {
    expect(await run(['--json', 'store', 'test', '--url', sandbox.url, '--token', 'cli-token'])).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ ok: true, failed: 'none', apiLimit: { limit: 1000 } });
  });

  it('exits 4 naming the token when it is refused', async () => {
    expect(await run(['store', 'test', '--url', sandbox.url, '--token', 'errado'])).toBe(4);
    expect(err.join('')).toMatch(/Token da loja recusado/);
  });

  it('exits 3 naming the URL when it is not the store API (404) or not https', async () => {
    expect(await run(['--json', 'store', 'test', '--url', `${sandbox.url}/x`, '--token', 'cli-token'])).toBe(
      3,
    );
    expect(JSON.parse(out.join(''))).toMatchObject({
      ok: false,
      error: { code: 'store_test_url', field: 'store.url' },
    });
    expect(await run(['store', 'test', '--url', 'http://loja.com.br', '--token', 'cli-token'])).toBe(3);
    expect(err.join('')).toContain('https');
  });

  it('exits 5 naming the network when nothing listens', async () => {
    const closed = await startStoreSandbox();
    const port = closed.port;
    await closed.stop();
    expect(await run(['store', 'test', '--url', `http://127.0.0.1:${port}`, '--token', 'x'])).toBe(5);
    expect(err.join('')).toContain('recusada');
  });

  it('--timeout bounds the wait for a store that never answers (exit 5, the network)', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      const started = Date.now();
      expect(await run(['store', 'test', '--url', url, '--token', 'x', '--timeout', '0.3'])).toBe(5);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('refuses a missing --token (usage error, non-zero)', async () => {
    expect(await run(['store', 'test', '--url', sandbox.url])).not.toBe(0);
  });
});
