import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../config/headless-settings';
import { Branch } from '../contract';
import { createRuntime, type Runtime } from '../runtime/create-runtime';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { demoDatabasePath, prepareDemoDatabase } from '../winthor/demo/demo-database';
import { captureCli } from './run-cli.test-support';

// The command line and the UI call the same dispatcher and handlers: for the same settings, the CLI's
// --json result is what the UI receives from the API (origin 'http', as the browser calls it).

let dir: string;
let runtime: Runtime | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-cli-ui-'));
});
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** What the UI gets back for a method on the settings of `dir`. */
const uiResult = async (method: string, input: unknown): Promise<unknown> => {
  runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
  const envelope = await runtime.api.call(method, input, { origin: 'http' });
  await runtime.close();
  runtime = undefined;
  return envelope;
};

const cliJson = async (argv: string[]): Promise<{ code: number; json: Record<string, unknown> }> => {
  const { code, out } = await captureCli(['--json', '--data-dir', dir, ...argv]);
  return { code, json: JSON.parse(out) as Record<string, unknown> };
};

describe('the CLI and the UI give the same result', () => {
  beforeEach(async () => {
    const file = demoDatabasePath(dir);
    await prepareDemoDatabase(file, { products: 30, installSchema: false });
    openHeadlessSettings(dir).update({
      database: { kind: 'embedded', embedded: { file } },
      branches: [Branch.parse({ code: '2', name: 'SP' }), Branch.parse({ code: '9', name: 'Inexistente' })],
    });
  });

  it('db check: the same checks, ok or not', async () => {
    const { code, json } = await cliJson(['db', 'check']);
    const ui = await uiResult('db.check', {});
    expect(code).toBe(1);
    expect(ui).toEqual({ ok: true, result: json });
    expect(json.ok).toBe(false);
  });

  it('db install and uninstall --dry-run: the same scripts as the installer previews', async () => {
    const preview = await cliJson(['db', 'install', '--dry-run']);
    expect(await uiResult('db.installPreview', {})).toEqual({
      ok: true,
      result: { ...preview.json, ok: undefined, dryRun: undefined },
    });
    const removal = await cliJson(['db', 'uninstall', '--dry-run']);
    expect(await uiResult('db.uninstallPreview', {})).toEqual({
      ok: true,
      result: { ...removal.json, ok: undefined, dryRun: undefined },
    });
  });

  it('db install --dry-run --dialect oracle --grant-to: the same script the API writes without connecting', async () => {
    const { json } = await cliJson([
      'db',
      'install',
      '--dry-run',
      '--dialect',
      'oracle',
      '--grant-to',
      'INTEGRA',
    ]);
    const ui = await uiResult('db.installPreview', { dialect: 'oracle', grantTo: 'INTEGRA' });
    expect(ui).toEqual({ ok: true, result: { ...json, ok: undefined, dryRun: undefined } });
    expect(json).toMatchObject({ grantTo: 'INTEGRA', dialect: 'oracle', currentVersion: 0 });
  });
});

describe('store test and Testar conexão', () => {
  let sandbox: StoreSandbox;
  beforeAll(async () => {
    sandbox = await startStoreSandbox({ token: 'certo' });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('say the same about a wrong token and a wrong URL', async () => {
    for (const [url, token] of [
      [sandbox.url, 'errado'],
      [`${sandbox.url}/nao-existe`, 'certo'],
      ['http://www.loja.com.br', 'certo'],
    ] as const) {
      const { json } = await cliJson(['store', 'test', '--url', url, '--token', token]);
      const ui = (await uiResult('store.test', { url, token })) as { result: { message: string } };
      expect((json.error as { message: string }).message, url).toBe(ui.result.message);
    }
  });
});
