import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../db/sqlite-db';
import { install } from '../schema/installer';
import { createTestWinthor } from '../test-winthor.test-support';
import { getCursor, setCursor } from './cursors-repository';
import { listLogs, writeLogs } from './logs-repository';
import { fanOutChanges, readBranchChanges } from './change-queue-branches';
import {
  countOpenPendings,
  openPendingKeys,
  recordPending,
  resolvePendings,
  retryDelayMs,
} from './pendings-repository';
import { listPendings } from './pending-queries';
import { finishRun, getRun, latestRuns, markInterruptedRuns, startRun } from './runs-repository';
import { findBoundProductsNotPublished, getBindings, saveBinding } from './store-bindings-repository';

let db: SqliteDb;
const at = new Date(2026, 11, 5, 10, 0, 0);

beforeEach(async () => {
  db = await createTestWinthor({ products: 5, customers: 1 });
  await install(db);
});
afterEach(async () => {
  await db.close();
});

describe('store bindings (per store, ADR 0107)', () => {
  it('saves, updates and reads back by store, entity and key', async () => {
    await saveBinding(db, {
      storeKey: 'S1',
      entity: 'product',
      erpKey: '1',
      storeId: '100',
      payloadHash: 'h1',
      hidden: false,
      sentAt: at,
    });
    await saveBinding(db, {
      storeKey: 'S1',
      entity: 'product',
      erpKey: '1',
      storeId: '100',
      payloadHash: 'h2',
      hidden: false,
      sentAt: at,
    });
    await saveBinding(db, {
      storeKey: 'S2',
      entity: 'product',
      erpKey: '1',
      storeId: '900',
      payloadHash: 'x',
      hidden: false,
      sentAt: at,
    });
    const s1 = await getBindings(db, 'S1', 'product', ['1', '2']);
    expect([...s1.keys()]).toEqual(['1']);
    expect(s1.get('1')).toMatchObject({ storeId: '100', payloadHash: 'h2', hidden: false });
    expect((await getBindings(db, 'S2', 'product', ['1'])).get('1')?.storeId).toBe('900');
  });

  it('finds bound products that WinThor no longer publishes, and skips hidden ones', async () => {
    const codes = (await db.query('SELECT PCPRODUT.CODPROD FROM PCPRODUT ORDER BY PCPRODUT.CODPROD')).map(
      (r) => String(r.CODPROD),
    );
    for (const code of codes.slice(0, 3)) {
      await saveBinding(db, {
        storeKey: 'S1',
        entity: 'product',
        erpKey: code,
        storeId: code,
        payloadHash: 'h',
        hidden: false,
        sentAt: at,
      });
    }
    await db.execute(`UPDATE PCPRODUT SET ENVIAECOMMERCE = 'S', DTEXCLUSAO = NULL`);
    expect(await findBoundProductsNotPublished(db, 'S1')).toEqual([]);
    await db.execute(`UPDATE PCPRODUT SET ENVIAECOMMERCE = NULL WHERE PCPRODUT.CODPROD = :c`, {
      c: codes[0]!,
    });
    await db.execute(`UPDATE PCPRODUT SET DTEXCLUSAO = :d WHERE PCPRODUT.CODPROD = :c`, {
      c: codes[1]!,
      d: at,
    });
    expect((await findBoundProductsNotPublished(db, 'S1')).map((b) => b.erpKey)).toEqual([
      codes[0],
      codes[1],
    ]);
    await saveBinding(db, {
      storeKey: 'S1',
      entity: 'product',
      erpKey: codes[0]!,
      storeId: codes[0]!,
      payloadHash: 'h',
      hidden: true,
      sentAt: at,
    });
    expect((await findBoundProductsNotPublished(db, 'S1')).map((b) => b.erpKey)).toEqual([codes[1]]);
  });
});

describe('runs', () => {
  it('starts, finishes with counts, lists the latest per job and marks interrupted ones', async () => {
    const first = await startRun(db, { job: 'stock', branch: '1', trigger: 'manual', startedAt: at });
    const second = await startRun(db, { job: 'stock', branch: '1', trigger: 'schedule', startedAt: at });
    const other = await startRun(db, { job: 'prices', branch: '1', trigger: 'schedule', startedAt: at });
    expect(second).toBeGreaterThan(first);
    await finishRun(db, first, { status: 'ok', finishedAt: at, counts: { read: 3, sent: 1 }, message: null });
    await finishRun(db, second, { status: 'partial', finishedAt: at, counts: { failed: 2 }, message: 'x' });
    expect(await getRun(db, first)).toMatchObject({ status: 'ok', counts: { read: 3, sent: 1 } });
    const latest = await latestRuns(db, '1');
    expect(latest.map((r) => [r.job, r.id])).toEqual([
      ['prices', other],
      ['stock', second],
    ]);
    expect(await markInterruptedRuns(db, at)).toBe(1);
    expect((await getRun(db, other))?.status).toBe('interrupted');
  });
});

describe('pendências', () => {
  it('one open record per item: a repeat updates it, a fix resolves it', async () => {
    const problem = {
      entity: 'product',
      branch: '1',
      erpKey: '1234',
      kind: 'sem_ean',
      message: 'produto 1234 sem EAN válido',
      fix: 'corrija o código de barras (rotina 203)',
    };
    const first = await recordPending(db, problem, at);
    const again = await recordPending(db, { ...problem, message: 'de novo' }, at);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false, kindChanged: false });
    const [open] = await listPendings(db, { status: 'open' });
    expect(open).toMatchObject({ attempts: 2, message: 'de novo', kind: 'sem_ean' });
    expect(await countOpenPendings(db, '1')).toEqual({ product: 1 });
    expect(await resolvePendings(db, [{ entity: 'product', branch: '1', erpKey: '1234' }], at)).toBe(1);
    expect(await countOpenPendings(db, '1')).toEqual({});
    expect((await recordPending(db, problem, at)).created).toBe(true);
  });
});

describe('logs and cursors', () => {
  it('writes logs in one call and reads them newest first with filters', async () => {
    await writeLogs(db, [
      { at, level: 'info', branch: '1', entity: 'stock', runId: 7, message: 'a', details: null },
      { at, level: 'error', branch: '1', entity: 'stock', runId: 7, message: 'b', details: '{"x":1}' },
      { at, level: 'info', branch: '2', entity: 'prices', runId: 8, message: 'c', details: null },
    ]);
    expect((await listLogs(db)).lines.map((l) => l.message)).toEqual(['c', 'b', 'a']);
    expect((await listLogs(db, { level: 'error' })).lines.map((l) => l.message)).toEqual(['b']);
    expect((await listLogs(db, { runId: 7 }, { limit: 1 })).lines.map((l) => l.message)).toEqual(['b']);
  });

  it('keeps a cursor per name and branch', async () => {
    expect(await getCursor(db, 'orders', '1')).toBeNull();
    await setCursor(db, 'orders', '1', '2026-12-01', at);
    await setCursor(db, 'orders', '1', '2026-12-02', at);
    await setCursor(db, 'orders', '2', 'x', at);
    expect(await getCursor(db, 'orders', '1')).toBe('2026-12-02');
  });
});

describe('pendências the store refused wait longer each time', () => {
  it('sets the next attempt 5 min, then 10 min later; only due keys are retried, oldest first', async () => {
    const problem = {
      entity: 'stock',
      branch: '1',
      erpKey: '1:10',
      kind: 'loja_bad_request',
      message: 'recusado',
      fix: null,
      backoff: true,
    };
    await recordPending(db, problem, at);
    const [first] = await listPendings(db, { status: 'open' });
    expect(first!.nextAttemptAt!.getTime() - at.getTime()).toBe(5 * 60_000);
    await recordPending(db, problem, at);
    const [second] = await listPendings(db, { status: 'open' });
    expect(second!.nextAttemptAt!.getTime() - at.getTime()).toBe(10 * 60_000);
    await recordPending(db, { ...problem, erpKey: '1:11', backoff: false, kind: 'sem_preco' }, at);
    expect([...(await openPendingKeys(db, 'stock', '1', { dueAt: at }))]).toEqual(['1:11']);
    const later = new Date(at.getTime() + 11 * 60_000);
    expect([...(await openPendingKeys(db, 'stock', '1', { dueAt: later }))].sort()).toEqual(['1:10', '1:11']);
    expect(retryDelayMs(40)).toBe(24 * 3_600_000);
  });
});

describe('the queue as each branch reads it', () => {
  it('copies branch-less rows to the branches that read them and drops rows nobody reads', async () => {
    await db.execute(`UPDATE PCPRODUT SET DESCRICAO = DESCRICAO || ' X' WHERE PCPRODUT.CODPROD = 1`);
    await db.execute(`UPDATE PCEST SET QTESTGER = QTESTGER + 1 WHERE PCEST.CODPROD = 1`);
    await db.execute(
      `UPDATE PCPEDC SET POSICAO = 'M' WHERE PCPEDC.NUMPED = (SELECT MIN(P.NUMPED) FROM PCPEDC P)`,
    );
    const result = await fanOutChanges(db, { product: ['1', '2'], stock: ['1'], orderStatus: [] });
    expect(result.copied).toBe(2);
    const rows = await db.query(
      `SELECT WTC_CHANGE_QUEUE.ENTITY, WTC_CHANGE_QUEUE.BRANCH FROM WTC_CHANGE_QUEUE ORDER BY 1, 2`,
    );
    expect(rows.map((r) => `${r.ENTITY}:${r.BRANCH}`)).toEqual(['product:1', 'product:2', 'stock:1']);
    expect((await readBranchChanges(db, 'product', '2', 100)).changes.map((c) => c.key)).toEqual(['1']);
  });
});
