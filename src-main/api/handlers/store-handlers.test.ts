import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { startStoreSandbox } from '../../sandbox/store/store-sandbox';
import { Branch, SECRET_MASK } from '../../contract';

let dir: string;
let runtime: Runtime;

const branch = (code: string, url = '', token = '') =>
  Branch.parse({ code, name: `Filial ${code}`, store: { url, token } });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-handlers-'));
  runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
});
afterEach(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('store.test and store.state', () => {
  it('says which part is wrong: token, URL (404 / not the API), network', async () => {
    const sandbox = await startStoreSandbox({ token: 'certo' });
    try {
      expect(await runtime.api.invoke('store.test', { url: sandbox.url, token: 'errado' })).toMatchObject({
        ok: false,
        failed: 'token',
      });
      expect(
        await runtime.api.invoke('store.test', { url: `${sandbox.url}/nao-existe`, token: 'certo' }),
      ).toMatchObject({ ok: false, failed: 'url' });
      expect(
        await runtime.api.invoke('store.test', { url: 'http://www.loja.com.br', token: 'certo' }),
      ).toMatchObject({
        ok: false,
        failed: 'url',
        message: expect.stringContaining('https'),
      });
      expect(await runtime.api.invoke('store.test', { url: sandbox.url, token: '' })).toMatchObject({
        ok: false,
        failed: 'token',
      });
      const port = sandbox.port;
      await sandbox.stop();
      const down = await runtime.api.invoke('store.test', {
        url: `http://127.0.0.1:${port}`,
        token: 'certo',
      });
      expect(down).toMatchObject({ ok: false, failed: 'network' });
      expect(down.message).toContain('recusada');
    } finally {
      await sandbox.stop().catch(() => {});
    }
  });

  it('rejects an input with neither a branch nor URL and token, and an unknown branch', async () => {
    const empty = await runtime.api.call('store.test', {}, { origin: 'internal' });
    expect(empty.ok).toBe(false);
    const unknown = await runtime.api.call('store.test', { branch: '9' }, { origin: 'internal' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_branch' } });
  });

  it('tests an empty URL field as empty, never as the saved URL (with the saved or a typed token)', async () => {
    const sandbox = await startStoreSandbox({ token: 'certo' });
    try {
      runtime.settings.update({ branches: [branch('1', sandbox.url, 'certo')] });
      expect(await runtime.api.invoke('store.test', { branch: '1' })).toMatchObject({ ok: true });
      for (const token of [SECRET_MASK, 'certo', undefined]) {
        const result = await runtime.api.invoke('store.test', { branch: '1', url: '', token });
        expect(result).toMatchObject({ ok: false, failed: 'url' });
        expect(result.message).toContain('URL da loja: informe o endereço da loja virtual');
      }
      expect(
        await runtime.api.invoke('store.test', { branch: '1', url: '   ', token: SECRET_MASK }),
      ).toMatchObject({ ok: false, failed: 'url' });
    } finally {
      await sandbox.stop();
    }
  });

  it('tests a new, unsaved branch with the typed URL and token; a saved token still goes only to the saved URL', async () => {
    const sandbox = await startStoreSandbox({ token: 'certo' });
    try {
      // Branch 2 is only on the screen: nothing saved under it.
      expect(
        await runtime.api.invoke('store.test', { branch: '2', url: sandbox.url, token: 'certo' }),
      ).toMatchObject({ ok: true, failed: 'none' });
      expect(
        await runtime.api.invoke('store.test', { branch: '2', url: sandbox.url, token: 'errado' }),
      ).toMatchObject({ ok: false, failed: 'token' });
      // The mask on an unsaved branch: there is no saved token to use.
      const masked = await runtime.api.call(
        'store.test',
        { branch: '2', url: sandbox.url, token: SECRET_MASK },
        { origin: 'internal' },
      );
      expect(masked).toMatchObject({ ok: false, error: { code: 'unknown_branch' } });

      runtime.settings.update({ branches: [branch('1', 'https://www.minhaloja.com.br', 'certo')] });
      // The saved token is not sent to another (typed) URL: nothing reaches the sandbox.
      const calls = sandbox.totalCalls();
      expect(
        await runtime.api.invoke('store.test', { branch: '1', url: sandbox.url, token: SECRET_MASK }),
      ).toMatchObject({ ok: false, failed: 'token', message: expect.stringContaining('URL diferente') });
      expect(sandbox.totalCalls()).toBe(calls);
    } finally {
      await sandbox.stop();
    }
  });
});
