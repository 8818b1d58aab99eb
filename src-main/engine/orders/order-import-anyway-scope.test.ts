import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findWaitingStoreOrders,
  ignorePendings,
  listPendingEvents,
  listPendings,
  recordImportAnyway,
  type PendingRecord,
} from '../../winthor';
import { confirmedOf } from './import-anyway';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

/**
 * What one "Importar mesmo assim" lets through, and for how long (ADR 0219, review findings): the record it
 * was decided on, the copy the operator was shown, and only while it is the operator's latest word.
 */
let h: OrderHarness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  h = undefined;
});
const headersOf = (harness: OrderHarness, id: string) =>
  harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDCLI = :id`, { id });
const pendingOf = async (harness: OrderHarness, erpKey: string, branch = '1'): Promise<PendingRecord> =>
  (await listPendings(harness.db, { branch })).find((p) => p.erpKey === erpKey)!;

const decide = async (harness: OrderHarness, pending: PendingRecord): Promise<boolean> => {
  const waiting = await findWaitingStoreOrders(harness.db, pending.branch, pending.erpKey);
  expect(waiting).toHaveLength(1);
  return recordImportAnyway(
    harness.db,
    pending.id,
    { recordId: waiting[0]!, resembles: confirmedOf(pending.params), message: 'decidido' },
    new Date(),
    'browser',
  );
};

/**
 * One order staged and imported, then the store URL written another way: held as a possible duplicate. With
 * `before`, an order placed first that waits on a carrier with no mapping (a pendência each run, first).
 */
const flagged = async (
  before = false,
): Promise<{ harness: OrderHarness; order: string; original: string }> => {
  const harness = await startOrderHarness({
    sandbox: { statusProcessedImplemented: false, host: '0.0.0.0' },
  });
  const branch = harness.settings.branches[0]!;
  branch.store.url = branch.store.url.replace('0.0.0.0', '127.0.0.1');
  const original = branch.store.url;
  if (before) {
    const blocked = goodOrder(harness.products.slice(1, 2));
    await harness.place({
      ...blocked,
      shippingMethod: { ...blocked.shippingMethod!, id: 99, name: 'Sem mapa' },
    });
  }
  const order = String((await harness.place(goodOrder(harness.products.slice(0, 1)))).id);
  await harness.run('orders');
  await harness.importInWinthor();
  await harness.run('orders');
  branch.store.url = original.replace('127.0.0.1', 'localhost');
  await harness.run('orders');
  expect((await pendingOf(harness, order)).kind).toBe('possivel_duplicado');
  return { harness, order, original };
};

describe('"Importar mesmo assim": what one decision lets through (ADR 0219)', () => {
  it('is used up by the record it was decided on: the same order under a third store key is held again', async () => {
    const { harness, order, original } = await flagged();
    h = harness;
    expect(await decide(h, await pendingOf(h, order))).toBe(true);
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(2); // the decision, as intended
    // The URL written a third way: a new record (STORE_KEY) of the same order, and no new decision.
    h.settings.branches[0]!.store.url = original.replace('127.0.0.1', '127.0.0.2');
    await h.run('orders');
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(2);
    const pending = await pendingOf(h, order);
    expect([pending.kind, pending.status]).toEqual(['possivel_duplicado', 'open']);
  });

  it('lets through only the record decided on when the same order waits under two store keys', async () => {
    const { harness, order, original } = await flagged();
    h = harness;
    // Held under a second and a third key before anyone decides: two waiting records of the same order.
    h.settings.branches[0]!.store.url = original.replace('127.0.0.1', '127.0.0.2');
    await h.run('orders');
    const waiting = await findWaitingStoreOrders(h.db, '1', order);
    expect(waiting).toHaveLength(2);
    const pending = await pendingOf(h, order);
    const target = { recordId: waiting[1]!, resembles: confirmedOf(pending.params), message: 'decidido' };
    expect(await recordImportAnyway(h.db, pending.id, target, new Date(), 'browser')).toBe(true);
    await h.run('orders');
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(2);
    expect(await findWaitingStoreOrders(h.db, '1', order)).toEqual([waiting[0]]);
  });

  it('is tied to the copy the operator was shown: an order typed in WinThor after the decision holds it again', async () => {
    const { harness, order } = await flagged();
    h = harness;
    const shown = await pendingOf(h, order);
    expect(await decide(h, shown)).toBe(true);
    // Before the next run someone types an order in WinThor carrying the same store order number.
    const typed = await h.db.queryOne(`SELECT PCPEDC.CODCLI, PCPEDC.CODUSUR FROM PCPEDC`);
    await h.db.execute(
      `INSERT INTO PCPEDC (NUMPED, DATA, CODFILIAL, CODCLI, CODUSUR, NUMPEDCLI, POSICAO)
       VALUES (990001, :data, '1', :codcli, :codusur, :numpedcli, 'L')`,
      { data: new Date(), codcli: Number(typed!.CODCLI), codusur: Number(typed!.CODUSUR), numpedcli: order },
    );
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(1);
    const held = await pendingOf(h, order);
    expect([held.kind, held.status, held.params.winthorOrder]).toEqual([
      'possivel_duplicado',
      'open',
      990001,
    ]);
    // The operator checks the new one too and decides again: both copies confirmed, it goes through once.
    expect(await decide(h, held)).toBe(true);
    await h.run('orders');
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(2);
    expect((await pendingOf(h, order)).status).toBe('resolved');
  });

  it('counts only while it is the operator’s latest word: decided, then ignored, is held; decided again, it goes through and resolves', async () => {
    const { harness, order } = await flagged();
    h = harness;
    const pending = await pendingOf(h, order);
    expect(await decide(h, pending)).toBe(true);
    await ignorePendings(
      h.db,
      { ids: [pending.id] },
      'é o mesmo pedido, cliquei errado',
      new Date(),
      'browser',
    );
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(1);
    expect((await pendingOf(h, order)).status).toBe('ignored');
    expect(await decide(h, await pendingOf(h, order))).toBe(true);
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(2);
    expect((await pendingOf(h, order)).status).toBe('resolved');
    const history = (await listPendingEvents(h.db, pending.id)).map((e) => e.action);
    expect(history.slice(-4)).toEqual(['import_anyway', 'ignored', 'import_anyway', 'resolved']);
  });

  it('a decision made while a run is going (after it read the open pendências) resolves the pendência of the order it stages', async () => {
    // The order placed first waits on a mapping: its pendência makes the run read the open keys early.
    const { harness, order } = await flagged(true);
    h = harness;
    const pending = await pendingOf(h, order);
    await ignorePendings(h.db, { ids: [pending.id] }, 'conferindo', new Date(), 'browser');
    // The operator decides right after the run read the open keys (the pendência was ignored then).
    const db = h.db;
    const query = db.query.bind(db);
    let decided = false;
    vi.spyOn(db, 'query').mockImplementation(async (sql, binds) => {
      const rows = await query(sql, binds);
      // The run's pendência store reads every open key of the entity once (runtime/pending-store.ts).
      const openKeysRead = sql.includes("WTC_PENDING.STATUS = 'open'") && binds?.row_limit === 1_000_000;
      if (!decided && openKeysRead && binds?.entity === 'order') {
        decided = true;
        expect(await decide(h!, await pendingOf(h!, order))).toBe(true);
      }
      return rows;
    });
    await h.run('orders');
    expect(decided).toBe(true);
    expect(await headersOf(h, order)).toBe(2);
    const after = await pendingOf(h, order);
    expect(after.status).toBe('resolved');
    const events = await listPendingEvents(h.db, pending.id);
    expect(events.at(-1)).toMatchObject({
      action: 'resolved',
      message: expect.stringMatching(new RegExp(`^Pedido ${order} gravado para importação no WinThor`)),
    });
  });

  it('a decision in one branch does not let the same order through in another branch’s run', async () => {
    const harness = await startOrderHarness({
      sandbox: { statusProcessedImplemented: false, host: '0.0.0.0' },
      branches: [{ code: '1' }, { code: '2', enabled: false }],
    });
    h = harness;
    const [one, two] = h.settings.branches;
    one!.store.url = one!.store.url.replace('0.0.0.0', '127.0.0.1');
    const order = String((await h.place(goodOrder(h.products.slice(0, 1)))).id);
    await h.run('orders');
    await h.importInWinthor();
    await h.run('orders');
    one!.store.url = one!.store.url.replace('127.0.0.1', 'localhost');
    await h.run('orders');
    expect(await decide(h, await pendingOf(h, order))).toBe(true);
    // Branch 2 sells in the same store under another address and imports its orders in its own run.
    two!.store.url = one!.store.url.replace('localhost', '127.0.0.2');
    two!.enabled = true;
    await h.run('orders', '2');
    await h.run('orders');
    expect(await headersOf(h, order)).toBe(2);
    const held = await pendingOf(h, order, '2');
    expect([held.kind, held.status]).toEqual(['possivel_duplicado', 'open']);
    await h.run('orders', '2');
    expect(await headersOf(h, order)).toBe(2);
  });
});
