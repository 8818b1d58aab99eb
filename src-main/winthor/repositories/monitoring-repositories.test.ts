import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../db/sqlite-db';
import { install } from '../schema/installer';
import { createTestWinthor } from '../test-winthor.test-support';
import { getLog, listLogs, writeLogs, type LogFilter, type LogRecord } from './logs-repository';
import { ignorePendings, retryPendings } from './pending-actions';
import { listPendingEvents } from './pending-events';
import { getPending, groupPendings, listPendings, openPendingKinds } from './pending-queries';
import { openPendingKeys, recordPending, resolvePendings, type PendingProblem } from './pendings-repository';
import { purgeLogs, purgePendingEvents, purgeResolvedPendings, purgeRuns } from './retention-repository';
import { finishRun, runsSince, startRun } from './runs-repository';

let db: SqliteDb;
const at = (minute: number) => new Date(2026, 11, 5, 10, minute, 0);

beforeEach(async () => {
  db = await createTestWinthor({ products: 3, customers: 1 });
  await install(db);
});
afterEach(async () => db.close());

const problem = (erpKey: string, patch: Partial<PendingProblem> = {}): PendingProblem => ({
  entity: 'product',
  branch: '1',
  erpKey,
  kind: 'sem_preco',
  message: `Produto ${erpKey} sem preço de venda`,
  fix: 'Informe o preço (rotina 201).',
  params: { codprod: Number(erpKey), branch: '1' },
  ...patch,
});

describe('pendências: parameters, history, ignore and retry (schema version 7)', () => {
  it('keeps the message parameters and a history line for the first failure, a changed message and a resolve', async () => {
    const { id } = await recordPending(db, problem('10'), at(0));
    await recordPending(db, problem('10'), at(1)); // same failure on the next run: no new history line
    await recordPending(db, problem('10', { message: 'Produto 10 sem preço (região 3)' }), at(2));
    expect(await getPending(db, id)).toMatchObject({
      attempts: 3,
      params: { codprod: 10, branch: '1' },
      message: 'Produto 10 sem preço (região 3)',
    });
    await resolvePendings(db, [{ entity: 'product', branch: '1', erpKey: '10' }], at(3));
    expect((await getPending(db, id))?.resolvedAt).toEqual(at(3));
    expect((await listPendingEvents(db, id)).map((e) => [e.action, e.at.getMinutes()])).toEqual([
      ['failed', 0],
      ['failed', 2],
      ['resolved', 3],
    ]);
  });

  it('an ignored pendência stays ignored while the same failure repeats, and a new kind reopens it', async () => {
    const { id } = await recordPending(db, problem('11'), at(0));
    const ignored = await ignorePendings(db, { ids: [id] }, 'Produto fora de linha', at(1), 'navegador');
    expect(ignored).toEqual([{ id, entity: 'product', branch: '1' }]);
    expect(await getPending(db, id)).toMatchObject({
      status: 'ignored',
      ignoreReason: 'Produto fora de linha',
      ignoredBy: 'navegador',
      ignoredAt: at(1),
    });
    expect(await openPendingKeys(db, 'product', '1')).toEqual(new Set());
    expect(await recordPending(db, problem('11'), at(2))).toEqual({ id, created: false, kindChanged: false });
    expect((await getPending(db, id))?.status).toBe('ignored');
    expect(
      await recordPending(db, problem('11', { kind: 'ean_invalido', message: 'EAN inválido' }), at(3)),
    ).toEqual({ id, created: false, kindChanged: true });
    expect(await getPending(db, id)).toMatchObject({
      status: 'open',
      kind: 'ean_invalido',
      ignoreReason: null,
    });
    expect((await listPendingEvents(db, id)).map((e) => e.action)).toEqual(['failed', 'ignored', 'reopened']);
  });

  it('a fixed item closes its ignored pendência too (the cause is gone)', async () => {
    const { id } = await recordPending(db, problem('12'), at(0));
    await ignorePendings(db, { ids: [id] }, 'depois', at(1), 'desktop');
    expect(await resolvePendings(db, [{ entity: 'product', branch: '1', erpKey: '12' }], at(2))).toBe(1);
    expect((await getPending(db, id))?.status).toBe('resolved');
  });

  it('retry makes the chosen pendências due now, reopens ignored ones, leaves resolved ones, and logs who asked', async () => {
    const a = await recordPending(db, problem('20', { nextAttemptAt: at(30) }), at(0));
    const b = await recordPending(db, problem('21'), at(0));
    const c = await recordPending(db, problem('22'), at(0));
    await ignorePendings(db, { ids: [b.id] }, 'x', at(1), 'desktop');
    await resolvePendings(db, [{ entity: 'product', branch: '1', erpKey: '22' }], at(1));
    const touched = await retryPendings(db, { ids: [a.id, b.id, c.id] }, at(5), 'navegador');
    expect(touched.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(await getPending(db, a.id)).toMatchObject({ status: 'open', nextAttemptAt: at(5) });
    expect(await getPending(db, b.id)).toMatchObject({ status: 'open', ignoreReason: null });
    expect((await getPending(db, c.id))?.status).toBe('resolved');
    expect((await listPendingEvents(db, a.id)).at(-1)).toMatchObject({ action: 'retry', actor: 'navegador' });
    // The next failure after a retry is a history line of its own (the attempt that was asked for).
    await recordPending(db, problem('20'), at(6));
    expect((await listPendingEvents(db, a.id)).map((e) => e.action)).toEqual(['failed', 'retry', 'failed']);
  });

  it('retries a whole group by filter, and groups by entity and kind with counts', async () => {
    for (const key of ['30', '31', '32']) await recordPending(db, problem(key), at(0));
    await recordPending(db, problem('33', { kind: 'ean_invalido', message: 'EAN' }), at(0));
    await recordPending(db, problem('34', { branch: '2' }), at(0));
    expect((await groupPendings(db, { status: 'open', branch: '1' })).map((g) => [g.kind, g.count])).toEqual([
      ['sem_preco', 3],
      ['ean_invalido', 1],
    ]);
    const touched = await retryPendings(db, { branch: '1', kind: 'sem_preco' }, at(9), 'desktop');
    expect(touched).toHaveLength(3);
    expect(await openPendingKinds(db)).toContainEqual(
      expect.objectContaining({ branch: '1', kind: 'sem_preco', count: 3 }),
    );
  });

  it('counts, by kind, the open pendências of self-retrying kinds still in their first attempts (ADR 0035)', async () => {
    const sending = (key: string) => problem(key, { kind: 'erro_envio', message: 'erro', backoff: true });
    await recordPending(db, sending('50'), at(0)); // 1 attempt
    for (let i = 0; i < 3; i++) await recordPending(db, sending('51'), at(i)); // 3 attempts
    await recordPending(db, problem('52'), at(0)); // sem_preco: a person's from the start
    const rows = await openPendingKinds(db, { kinds: ['erro_envio', 'status_recusado'], belowAttempts: 3 });
    expect(rows).toContainEqual(expect.objectContaining({ kind: 'erro_envio', count: 2, retrying: 1 }));
    expect(rows).toContainEqual(expect.objectContaining({ kind: 'sem_preco', count: 1, retrying: 0 }));
  });

  it('filters by kind, state, period and text (the key exactly, or words of the message), newest first, paged', async () => {
    await recordPending(db, problem('40'), at(0));
    await recordPending(db, problem('41', { message: 'Produto 41 com 100% de desconto_x' }), at(10));
    await recordPending(db, problem('42', { entity: 'order', kind: 'sem_mapa_cobranca' }), at(20));
    const keys = async (filter: Parameters<typeof listPendings>[1]) =>
      (await listPendings(db, filter)).map((p) => p.erpKey);
    expect(await keys({})).toEqual(['42', '41', '40']);
    expect(await keys({ entity: 'order' })).toEqual(['42']);
    expect(await keys({ from: at(5), to: at(15) })).toEqual(['41']);
    expect(await keys({ text: '40' })).toEqual(['40']);
    expect(await keys({ text: '100%' })).toEqual(['41']);
    expect(await keys({ text: 'DESCONTO_X' })).toEqual(['41']);
    expect(await keys({ text: '0%' })).toEqual(['41']); // % is a letter here, not a wildcard
    const first = await listPendings(db, { limit: 2 });
    expect(await keys({ beforeId: first.at(-1)!.id })).toEqual(['40']);
  });
});

describe('logs: filters, text, keyset pages and details', () => {
  const line = (patch: Partial<LogRecord>): LogRecord => ({
    at: at(0),
    level: 'info',
    branch: '1',
    entity: 'stock',
    runId: 1,
    message: 'linha',
    details: null,
    ...patch,
  });

  it('filters by period, branch, entity, level, run and text, newest first, and pages from the last line', async () => {
    await writeLogs(db, [
      line({ message: 'Estoque enviado', at: at(1) }),
      line({ message: 'Preço recusado pela loja', level: 'error', entity: 'prices', runId: 2, at: at(2) }),
      line({ message: 'Filial 2 ok', branch: '2', at: at(3) }),
      line({ message: 'estoque 2', at: at(4), details: '{"erpKey":"7","storeAnswer":{"status":400}}' }),
      // Written last, but it happened first (a run writes its lines when it ends): it is shown by its time.
      line({ message: 'início da execução', at: at(0) }),
    ]);
    const messages = async (filter: LogFilter, page: Parameters<typeof listLogs>[2] = {}) =>
      (await listLogs(db, filter, page)).lines.map((l) => l.message);
    expect(await messages({ text: 'ESTOQUE' })).toEqual(['estoque 2', 'Estoque enviado']);
    expect(await messages({ text: 'preço' })).toEqual(['Preço recusado pela loja']);
    expect(await messages({ from: at(2), to: at(3) })).toEqual(['Filial 2 ok', 'Preço recusado pela loja']);
    expect(await messages({ level: 'error', runId: 2, entity: 'prices', branch: '1' })).toEqual([
      'Preço recusado pela loja',
    ]);
    const first = await listLogs(db, {}, { limit: 2 });
    expect(first.lines.map((l) => l.message)).toEqual(['estoque 2', 'Filial 2 ok']);
    expect(first.next).toEqual({ at: at(3), id: first.lines[1]!.id });
    const second = await listLogs(db, {}, { limit: 2, before: first.next! });
    expect(second.lines.map((l) => l.message)).toEqual(['Preço recusado pela loja', 'Estoque enviado']);
    const last = await listLogs(db, {}, { limit: 2, before: second.next! });
    expect(last).toMatchObject({ next: null, partial: false });
    expect(last.lines.map((l) => l.message)).toEqual(['início da execução']);
    expect(first.lines[0]?.details).toBeNull();
    expect((await getLog(db, first.lines[0]!.id!))?.details).toBe(
      '{"erpKey":"7","storeAnswer":{"status":400}}',
    );
  });

  it('a text filter reads a bounded number of lines per page and says where to go on', async () => {
    await writeLogs(
      db,
      Array.from({ length: 10 }, (_, i) => line({ at: at(i), message: i === 1 ? 'agulha' : `palha ${i}` })),
    );
    const page = await listLogs(db, { text: 'agulha' }, { scanRows: 4 });
    // Lines 9, 8, 7, 6 were read: no match yet, and the scan stopped at the 4th (minute 6).
    expect(page).toMatchObject({ lines: [], partial: true, next: { at: at(6) } });
    const on = await listLogs(db, { text: 'agulha' }, { scanRows: 4, before: page.next! });
    expect(on).toMatchObject({ partial: true, next: { at: at(2) } });
    const found = await listLogs(db, { text: 'agulha' }, { scanRows: 4, before: on.next! });
    expect(found.lines.map((l) => l.message)).toEqual(['agulha']);
    expect(found).toMatchObject({ next: null, partial: false });
  });
});

describe('retention: batches of old rows', () => {
  it('purges old logs, finished runs, old history and resolved pendências in batches, and nothing newer', async () => {
    const old = new Date(2026, 0, 1);
    await writeLogs(
      db,
      Array.from({ length: 5 }, (_, i) => ({
        at: i < 4 ? old : at(0),
        level: 'info' as const,
        branch: '1',
        entity: null,
        runId: null,
        message: `m${i}`,
        details: null,
      })),
    );
    expect(await purgeLogs(db, at(0), 3)).toBe(3);
    expect(await purgeLogs(db, at(0), 3)).toBe(1);
    expect(await purgeLogs(db, at(0), 3)).toBe(0);
    expect((await listLogs(db)).lines.map((l) => l.message)).toEqual(['m4']);

    const done = await startRun(db, { job: 'stock', branch: '1', trigger: 'manual', startedAt: old });
    await finishRun(db, done, { status: 'ok', finishedAt: old, counts: {}, message: null });
    await startRun(db, { job: 'prices', branch: '1', trigger: 'manual', startedAt: old });
    expect(await purgeRuns(db, at(0), 10)).toBe(1);
    expect((await runsSince(db, old)).map((r) => r.job)).toEqual(['prices']);

    const resolved = await recordPending(db, problem('50'), old);
    await resolvePendings(db, [{ entity: 'product', branch: '1', erpKey: '50' }], old);
    const open = await recordPending(db, problem('51'), old);
    expect(await purgeResolvedPendings(db, at(0), 10)).toBe(1);
    expect(await getPending(db, resolved.id)).toBeUndefined();
    expect(await listPendingEvents(db, resolved.id)).toEqual([]);
    expect(await getPending(db, open.id)).toBeDefined();
    expect(await purgePendingEvents(db, at(0), 10)).toBe(1);
    expect(await listPendingEvents(db, open.id)).toEqual([]);
  });
});
