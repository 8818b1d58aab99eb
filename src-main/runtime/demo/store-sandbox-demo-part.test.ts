import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { Branch, SECRET_MASK } from '../../contract';
import { getBindings, saveBinding } from '../../winthor';
import { createRuntime, type Runtime } from '../create-runtime';
import { storeKeyOf } from '../engine-ports';
import { DEMO_STORE_TOKEN } from './demo-settings';
import { DEMO_STORE_STATE_FILE, storeSandboxDemoPart } from './store-sandbox-demo-part';
import { winthorDemoPart } from './winthor-demo-part';

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

describe('the demo store keeps its state and its address (ADR 0207)', () => {
  const stateFile = () => join(dir, DEMO_STORE_STATE_FILE);

  it('a restarted demo store is on the same port with the same catalogue; app.status carries its page', async () => {
    runtime.settings.update({ branches: [branch('1')] });
    stopDemo = await storeSandboxDemoPart(runtime);
    const url = runtime.settings.get().branches[0]!.store.url;
    expect(runtime.status().demoStoreUrl).toBe(`${url}/__sandbox/loja`);
    const created = await fetch(`${url}/api/v1/departments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_STORE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'BEBIDAS' }),
    });
    expect(created.status).toBe(201);
    await stopDemo();
    stopDemo = undefined;
    expect(runtime.status().demoStoreUrl).toBeNull();
    expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toMatchObject({ url });

    stopDemo = await storeSandboxDemoPart(runtime);
    expect(runtime.settings.get().branches[0]!.store.url).toBe(url);
    const page = await (await fetch(runtime.status().demoStoreUrl!)).text();
    expect(page).toContain('BEBIDAS');
  });

  it('its port taken by another program: a free port, and the bindings move to the new store key', async () => {
    const stopWinthor = await winthorDemoPart({ intervalMs: 3_600_000 })(runtime);
    try {
      stopDemo = await storeSandboxDemoPart(runtime);
      const oldUrl = runtime.settings.get().branches[0]!.store.url;
      await runtime.database.use((db) =>
        saveBinding(db, {
          storeKey: storeKeyOf(oldUrl),
          entity: 'product',
          erpKey: '1',
          storeId: '1',
          payloadHash: 'h',
          hidden: false,
          sentAt: new Date(),
        }),
      );
      await stopDemo();
      stopDemo = undefined;
      const squatter = createServer((_req, res) => res.end('outro programa'));
      await new Promise<void>((resolve) =>
        squatter.listen(Number(new URL(oldUrl).port), '127.0.0.1', resolve),
      );
      try {
        stopDemo = await storeSandboxDemoPart(runtime);
      } finally {
        squatter.close();
      }
      const newUrl = runtime.settings.get().branches[0]!.store.url;
      expect(newUrl).not.toBe(oldUrl);
      const moved = await runtime.database.use((db) => getBindings(db, storeKeyOf(newUrl), 'product', ['1']));
      expect(moved.get('1')?.storeId).toBe('1');
      const left = await runtime.database.use((db) => getBindings(db, storeKeyOf(oldUrl), 'product', ['1']));
      expect(left.size).toBe(0);
      expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toMatchObject({ url: newUrl });
    } finally {
      await stopWinthor?.();
    }
  });

  it('served by another process of the same folder: a one-shot command shares it, a host says so', async () => {
    runtime.settings.update({ branches: [branch('1')] });
    stopDemo = await storeSandboxDemoPart(runtime);
    const url = runtime.settings.get().branches[0]!.store.url;
    const other = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    try {
      other.settings.update({ branches: [branch('1')] });
      await expect(storeSandboxDemoPart(other)).rejects.toThrow(
        /A loja de demonstração desta pasta já está no ar em outro processo/,
      );
      const stopShared = await storeSandboxDemoPart(other, { shareRunningStore: true });
      expect(other.settings.get().branches[0]!.store.url).toBe(url);
      await stopShared();
      expect((await fetch(`${url}/__sandbox/identity`)).status).toBe(200); // still served by the first
    } finally {
      await other.close();
    }
  });
});
