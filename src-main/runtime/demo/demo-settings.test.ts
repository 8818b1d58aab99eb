import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { Branch, defaultSettings } from '../../contract';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { demoDatabasePath } from '../../winthor/demo/demo-database';
import { createRuntime } from '../create-runtime';
import { branchesOnSandbox, DEMO_STORE_TOKEN, demoBranchSettings, demoDatabasePatch } from './demo-settings';
import { openDemoSettings } from './demo-target';
import { winthorDemoPart } from './winthor-demo-part';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-demo-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('demo settings', () => {
  it('configure exactly the branches the demo WinThor is seeded with', async () => {
    await openDemoSettings(dir);
    const db = new SqliteDb({ file: demoDatabasePath(dir) });
    try {
      const seeded = await db.query(
        'SELECT PCFILIAL.CODIGO, PCFILIAL.RAZAOSOCIAL FROM PCFILIAL ORDER BY PCFILIAL.CODIGO',
      );
      expect(demoBranchSettings().map((b) => [b.code, b.name])).toEqual(
        seeded.map((row) => [String(row.CODIGO), String(row.RAZAOSOCIAL)]),
      );
    } finally {
      await db.close();
    }
  });

  it('are the same for serve --demo and for the command line --demo (which keeps them in memory)', async () => {
    const runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    const stop = await winthorDemoPart({ intervalMs: 3_600_000 })(runtime);
    const served = runtime.settings.get();
    if (stop) await stop();
    await runtime.close();

    const cli = (await openDemoSettings(dir)).get();
    expect(cli.database).toEqual(served.database);
    expect(cli.branches).toEqual(served.branches);
    expect(cli.branches.map((b) => b.code)).toEqual(['1', '2']);
    // The command line's copy is in memory: the folder's settings file still has what serve --demo wrote.
    expect(openHeadlessSettings(dir).get().branches).toEqual(served.branches);
  });

  it('point at the demo file but keep the branches someone configured', () => {
    const current = defaultSettings();
    current.branches = [Branch.parse({ code: '5', name: 'MINHA' })];
    const patch = demoDatabasePatch(current, '/tmp/demo.sqlite');
    expect(patch).toEqual({
      database: { ...current.database, kind: 'embedded', embedded: { file: '/tmp/demo.sqlite' } },
    });
  });
});

describe('demo branches on the store sandbox', () => {
  const sandbox = { url: 'http://127.0.0.1:4321', token: DEMO_STORE_TOKEN };
  const branch = (code: string, url = '', token = '') => Branch.parse({ code, store: { url, token } });

  it('points only the demo branches whose store is empty or an earlier demo sandbox', () => {
    const next = branchesOnSandbox(
      [branch('1'), branch('2', 'http://localhost:1', DEMO_STORE_TOKEN), branch('3')],
      sandbox,
    );
    expect(next?.map((b) => [b.code, b.store.url])).toEqual([
      ['1', sandbox.url],
      ['2', sandbox.url],
      ['3', ''],
    ]);
  });

  it("never overwrites a user's store, even a loopback one with another token, and says when nothing changes", () => {
    expect(branchesOnSandbox([branch('1', 'https://www.minhaloja.com.br', DEMO_STORE_TOKEN)], sandbox)).toBe(
      undefined,
    );
    expect(branchesOnSandbox([branch('2', 'http://127.0.0.1:9', 'meu-token')], sandbox)).toBe(undefined);
    expect(branchesOnSandbox([branch('1', sandbox.url, sandbox.token)], sandbox)).toBe(undefined);
  });

  it('gives each demo branch its own warehouse and price table in the one demo store (also to settings written before)', () => {
    expect(demoBranchSettings().map((b) => [b.code, b.stock.warehouseErpId, b.price.tableErpId])).toEqual([
      ['1', '1', '1'],
      ['2', '2', '2'],
    ]);
    const next = branchesOnSandbox([branch('1'), branch('2'), branch('3')], sandbox)!;
    expect(next.map((b) => [b.code, b.stock.warehouseErpId, b.price.tableErpId])).toEqual([
      ['1', '1', '1'],
      ['2', '2', '2'],
      ['3', '1', '1'],
    ]);
    // Chosen by someone (not both defaults): left as it is.
    const chosen = Branch.parse({ code: '2', stock: { warehouseErpId: '7' } });
    expect(branchesOnSandbox([chosen], sandbox)![0]!.stock.warehouseErpId).toBe('7');
  });
});
