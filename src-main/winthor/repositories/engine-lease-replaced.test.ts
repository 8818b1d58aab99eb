import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../db/sqlite-db';
import { install } from '../schema/installer';
import { createTestWinthor } from '../test-winthor.test-support';
import { claimLease, releaseLease, type LeaseClaim } from './engine-lease-repository';
import { getRun, markInterruptedRuns, startRun } from './runs-repository';

let db: SqliteDb;
const at = new Date(2026, 11, 5, 10, 0, 0);
const engine = (instanceId: string): LeaseClaim => ({
  instanceId,
  hostName: 'SRV',
  dataDir: `C:\\${instanceId}`,
  pid: 7,
  version: '0.1.0',
  hostKind: 'headless',
});

beforeEach(async () => {
  db = await createTestWinthor({ products: 1, customers: 1 });
  await install(db);
});
afterEach(async () => {
  await db.close();
});

describe('a claim says whose row it took (ADR 0314)', () => {
  it('replaced names another instance only: not a new row, a renewal, a free row nor a lost claim', async () => {
    const a = engine('A');
    const b = engine('B');
    const options = { expirySeconds: 120 };
    expect(await claimLease(db, a, options)).toMatchObject({ won: true, replaced: null }); // new row
    expect(await claimLease(db, a, options)).toMatchObject({ won: true, replaced: null }); // renewal
    expect(await claimLease(db, b, options)).toMatchObject({ won: false, replaced: null });
    expect(await claimLease(db, b, { ...options, force: true })).toMatchObject({ won: true, replaced: 'A' });
    expect(await claimLease(db, b, options)).toMatchObject({ won: true, replaced: null });
    await releaseLease(db, 'B');
    expect(await claimLease(db, a, options)).toMatchObject({ won: true, replaced: null }); // freed by a clean stop
  });

  it("runs marked interrupted leave out the ids given (this engine's own, still under way)", async () => {
    const theirs = await startRun(db, { job: 'stock', branch: '1', trigger: 'schedule', startedAt: at });
    const mine = await startRun(db, { job: 'prices', branch: '1', trigger: 'manual', startedAt: at });
    expect(await markInterruptedRuns(db, at, [mine])).toBe(1);
    expect((await getRun(db, theirs))?.status).toBe('interrupted');
    expect((await getRun(db, mine))?.status).toBe('running');
  });
});
