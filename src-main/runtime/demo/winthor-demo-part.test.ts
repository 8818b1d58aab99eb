import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Branch } from '../../contract';
import { openHeadlessSettings } from '../../config/headless-settings';
import { SqliteDb } from '../../winthor/db/sqlite-db';
import { prepareDemoDatabase } from '../../winthor/demo/demo-database';
import { readStagingResult, stageOrder } from '../../winthor/repositories/order-staging-repository';
import { getOrderStatuses } from '../../winthor/repositories/order-status-repository';
import { createRuntime, type Runtime } from '../create-runtime';
import { winthorDemoPart } from './winthor-demo-part';

describe('demo part of serve --demo', () => {
  let dir: string;
  let runtime: Runtime;
  afterEach(async () => {
    await runtime?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the order importer on an interval until stopped, keeping existing branches', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-demo-part-'));
    const settings = openHeadlessSettings(dir);
    settings.update({ branches: [Branch.parse({ code: '2', name: 'SÓ A FILIAL 2' })] });
    runtime = createRuntime({ host: 'headless', settings, dataDir: dir });
    const stop = await winthorDemoPart({ intervalMs: 20, stepMs: 0 })(runtime);
    expect(runtime.settings.get().branches.map((b) => b.code)).toEqual(['2']);
    const db = await runtime.database.get();
    const key = {
      numpedrca: 1,
      codusur: 99,
      cgccli: '52998224725',
      openedAt: new Date(2026, 10, 28, 12, 0, 0),
    };
    await db.transaction((tx) =>
      stageOrder(tx, {
        ...key,
        codcli: 1,
        codfilial: '2',
        codcob: 'CART',
        codplpag: 1,
        numpedcli: 'DEMO-1',
        items: [{ codprod: 1, qt: 1, pvenda: 10, numseq: 1 }],
      }),
    );
    const deadline = Date.now() + 5_000;
    let result = await readStagingResult(db, key);
    while (Date.now() < deadline) {
      result = await readStagingResult(db, key);
      if (result.status === 'imported') {
        const [status] = await getOrderStatuses(db, [result.numped!]);
        if (status?.position === 'F') break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(result.status).toBe('imported');
    expect((await getOrderStatuses(db, [result.numped!]))[0]).toMatchObject({
      position: 'F',
      invoiceKey: expect.stringMatching(/^35\d{42}$/),
    });
    if (stop) await stop();
  });

  it('never simulates WinThor on a database other than the demo file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-demo-part-'));
    runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    const stop = await winthorDemoPart({ intervalMs: 20, stepMs: 0 })(runtime);
    // Someone points the running demo at another WinThor database (here another seeded file).
    const other = join(dir, 'outro-winthor.sqlite');
    await prepareDemoDatabase(other);
    runtime.settings.update({ database: { embedded: { file: other } } });
    const key = {
      numpedrca: 2,
      codusur: 99,
      cgccli: '52998224725',
      openedAt: new Date(2026, 10, 28, 13, 0, 0),
    };
    const otherDb = new SqliteDb({ file: other });
    try {
      await otherDb.transaction((tx) =>
        stageOrder(tx, {
          ...key,
          codcli: 1,
          codfilial: '1',
          codcob: 'CART',
          codplpag: 1,
          numpedcli: 'DEMO-2',
          items: [{ codprod: 1, qt: 1, pvenda: 10, numseq: 1 }],
        }),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect((await readStagingResult(otherDb, key)).status).toBe('waiting');
    } finally {
      await otherDb.close();
      if (stop) await stop();
    }
  });
});
