import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';

describe('store.test timeoutSeconds', () => {
  let dir: string;
  let runtime: Runtime;
  let server: Server;
  let url: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-store-timeout-'));
    runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    // A store that takes every request and never answers.
    server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    server.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bounds the wait for the store (the default would be 10 s)', async () => {
    const started = Date.now();
    const result = await runtime.api.invoke('store.test', { url, token: 't', timeoutSeconds: 0.3 });
    expect(result).toMatchObject({ ok: false, failed: 'network' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a wait that is not a positive number of seconds up to 300', async () => {
    for (const timeoutSeconds of [0, -1, 301]) {
      const envelope = await runtime.api.call(
        'store.test',
        { url, token: 't', timeoutSeconds },
        { origin: 'http' },
      );
      expect(envelope).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'timeoutSeconds' },
      });
    }
  });
});
