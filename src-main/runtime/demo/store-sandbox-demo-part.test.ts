import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { Branch, SECRET_MASK } from '../../contract';
import { createRuntime, type Runtime } from '../create-runtime';
import { DEMO_STORE_TOKEN } from './demo-settings';
import { storeSandboxDemoPart } from './store-sandbox-demo-part';

let dir: string;
let runtime: Runtime;
let stopDemo: (() => Promise<void>) | undefined;

const branch = (code: string, url = '', token = '') =>
  Branch.parse({ code, name: `Filial ${code}`, store: { url, token } });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-sandbox-demo-'));
  runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
});
afterEach(async () => {
  await stopDemo?.();
  stopDemo = undefined;
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('store sandbox part of serve --demo', () => {
  it('the demo part points branches 1/2 without a URL at the sandbox, and never a user URL', async () => {
    runtime.settings.update({
      branches: [branch('1'), branch('2', 'https://www.minhaloja.com.br', 'meu-token'), branch('3')],
    });
    stopDemo = await storeSandboxDemoPart(runtime);
    const [b1, b2, b3] = runtime.settings.get().branches;
    expect(b1?.store.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(b1?.store.token).toBe(DEMO_STORE_TOKEN);
    expect(b2?.store).toEqual({ url: 'https://www.minhaloja.com.br', token: 'meu-token' });
    expect(b3?.store.url).toBe('');

    // A branch 2 created later (e.g. by the database demo part) without a URL is pointed too.
    runtime.settings.update({ branches: [b1!, branch('2')] });
    expect(runtime.settings.get().branches[1]?.store.url).toBe(b1?.store.url);

    const result = await runtime.api.invoke('store.test', { branch: '1' });
    expect(result).toMatchObject({ ok: true, failed: 'none' });
    expect(result.apiLimit?.limit).toBe(1000);

    const masked = await runtime.api.invoke('store.test', { branch: '1', token: SECRET_MASK });
    expect(masked.ok).toBe(true);

    const state = await runtime.api.invoke('store.state', {});
    expect(state.branches.map((b) => [b.branch, b.configured, b.circuit.state])).toEqual([
      ['1', true, 'closed'],
      ['2', true, 'closed'],
    ]);
  });

  it('a demo sandbox URL left by an earlier run is re-pointed', async () => {
    runtime.settings.update({ branches: [branch('1', 'http://127.0.0.1:1', DEMO_STORE_TOKEN)] });
    stopDemo = await storeSandboxDemoPart(runtime);
    expect(runtime.settings.get().branches[0]?.store.url).not.toBe('http://127.0.0.1:1');
  });

  it('once stopped, the sandbox is down and new demo branches are left alone', async () => {
    runtime.settings.update({ branches: [branch('1')] });
    stopDemo = await storeSandboxDemoPart(runtime);
    const url = runtime.settings.get().branches[0]!.store.url;
    await stopDemo();
    stopDemo = undefined;
    await expect(fetch(url)).rejects.toThrow();
    runtime.settings.update({ branches: [branch('2')] });
    expect(runtime.settings.get().branches[0]?.store.url).toBe('');
  });
});
