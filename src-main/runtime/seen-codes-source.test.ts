import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../config/headless-settings';
import { Branch } from '../contract';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SqliteDb } from '../winthor/db/sqlite-db';
import { prepareDemoDatabase } from '../winthor/demo/demo-database';
import { recordStoreCodes } from '../winthor/repositories/store-codes-repository';
import { createRuntime, type Runtime } from './create-runtime';

/*
 * Issue #10: the codes the order import recorded (WTC_STORE_CODE) were never shown; the screens only had a
 * 15-minute sample of the store. Now the record comes first (ADR 0223).
 */
describe('mappings.storeCodes reads the order import’s record (WTC_STORE_CODE)', () => {
  let dir: string;
  let dbFile: string;
  let sandbox: StoreSandbox;
  let runtime: Runtime;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-codes-'));
    dbFile = join(dir, 'winthor.sqlite');
    await prepareDemoDatabase(dbFile, { products: 10 });
    sandbox = await startStoreSandbox({ orders: 20, budgetPerHour: 0 });
    runtime = createRuntime({
      host: 'headless',
      settings: openHeadlessSettings(dir),
      dataDir: dir,
      engine: false,
    });
    runtime.settings.update({
      database: { kind: 'embedded', embedded: { file: dbFile } },
      branches: [
        Branch.parse({
          code: '1',
          name: 'Matriz',
          store: { url: sandbox.url, token: sandbox.token },
          mappings: {
            billing: [{ storeCode: 'Pix', winthorCode: 'PIX' }],
            plans: [{ storeCode: '1', winthorCode: '1' }],
            carriers: [{ storeCode: 'Jadlog Package', winthorCode: '10' }],
          },
        }),
      ],
    });
  });
  afterEach(async () => {
    await runtime.close();
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a code the last order run saw shows at once, with no store call, mapped or not by the import’s rule', async () => {
    const db = new SqliteDb({ file: dbFile });
    await recordStoreCodes(
      db,
      '1',
      [
        { kind: 'billing', storeCode: 'Pix' },
        { kind: 'billing', storeCode: 'GiftCard' },
        { kind: 'plans', storeCode: 'Pix:1' },
        { kind: 'plans', storeCode: 'CreditCard:4' },
        { kind: 'carriers', storeCode: '3', label: 'Jadlog Package' },
        { kind: 'carriers', storeCode: '7', label: 'Motoboy' },
      ],
      new Date(2026, 11, 5, 10, 0, 0),
    );
    await db.close();

    const billing = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'billing' });
    expect(billing).toMatchObject({ source: 'orders', orders: 2, problem: null });
    expect(billing.codes.map((c) => [c.code, c.mapped])).toEqual([
      ['GiftCard', false],
      ['Pix', true],
    ]);

    const plans = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'plans' });
    expect(plans.codes.map((c) => [c.code, c.name, c.mapped])).toEqual([
      ['4', 'CreditCard', false],
      ['1', 'Pix', true],
    ]);

    // A carrier mapped by its name resolves the id the orders carry.
    const carriers = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'carriers' });
    expect(carriers.codes.map((c) => [c.code, c.name, c.mapped])).toEqual([
      ['7', 'Motoboy', false],
      ['3', 'Jadlog Package', true],
    ]);
    expect(sandbox.counts()['GET orders'] ?? 0).toBe(0);
  });

  it('with nothing recorded yet, the screen reads a sample of the store’s waiting orders', async () => {
    const billing = await runtime.api.invoke('mappings.storeCodes', { branch: '1', kind: 'billing' });
    expect(billing.source).toBe('store');
    expect(sandbox.counts()['GET orders']).toBeGreaterThan(0);
  });
});
