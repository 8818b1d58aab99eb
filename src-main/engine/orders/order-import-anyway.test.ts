import { afterEach, describe, expect, it } from 'vitest';
import {
  findImportAnywayDecisions,
  findWaitingStoreOrders,
  listPendingEvents,
  listPendings,
  recordImportAnyway,
  type PendingRecord,
} from '../../winthor';
import { confirmedOf, decisionText, resembledOrder } from './import-anyway';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const headers = (harness: OrderHarness) => harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`);
const headersOf = (harness: OrderHarness, storeOrderId: string) =>
  harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDCLI = :id`, { id: storeOrderId });

/** The decision as the API records it (pendings.importAnyway): on the one record held, the copy shown. */
const decide = async (
  harness: OrderHarness,
  pending: PendingRecord,
  message = 'decidido',
  at = new Date(),
  actor = 'browser',
): Promise<boolean> => {
  const waiting = await findWaitingStoreOrders(harness.db, pending.branch, pending.erpKey);
  expect(waiting).toHaveLength(1);
  return recordImportAnyway(
    harness.db,
    pending.id,
    { recordId: waiting[0]!, resembles: confirmedOf(pending.params), message },
    at,
    actor,
  );
};

/**
 * Three orders staged and imported, then the store's URL written differently: each comes back as a
 * `possivel_duplicado` (ADR 0214) — the setting where "Importar mesmo assim" (ADR 0219) is decided.
 */
const threeFlagged = async (): Promise<OrderHarness> => {
  const harness = await startOrderHarness({ sandbox: { statusProcessedImplemented: false } });
  for (let i = 0; i < 3; i++) await harness.place(goodOrder(harness.products.slice(i, i + 1)));
  await harness.run('orders');
  await harness.importInWinthor();
  await harness.run('orders');
  const branch = harness.settings.branches[0]!;
  branch.store.url = branch.store.url.replace('127.0.0.1', 'localhost');
  await harness.run('orders');
  expect(await headers(harness)).toBe(3);
  return harness;
};

describe('"Importar mesmo assim" on a possible duplicate (ADR 0219)', () => {
  it('the decided order is staged once on the next run, logged as the operator’s decision; a second run stages nothing', async () => {
    h = await threeFlagged();
    const open = await listPendings(h.db, { status: 'open' });
    expect(open.map((p) => p.kind)).toEqual([
      'possivel_duplicado',
      'possivel_duplicado',
      'possivel_duplicado',
    ]);
    const chosen = open[0]!;
    const others = open.slice(1).map((p) => p.erpKey);
    const at = new Date();
    const text = decisionText(chosen.erpKey, resembledOrder(chosen.params));
    expect(text).toMatch(
      /^Importar mesmo assim: o operador confirmou que o pedido \d+ da loja é outro pedido, não o pedido \d+ do WinThor\.$/,
    );
    const [recordId] = await findWaitingStoreOrders(h.db, '1', chosen.erpKey);
    expect(await decide(h, chosen, text, at)).toBe(true);

    await h.run('orders');
    expect(await headers(h)).toBe(4);
    expect(await headersOf(h, chosen.erpKey)).toBe(2);
    // Its pendência is resolved; the other two still wait as possible duplicates (their guard stays).
    const after = await listPendings(h.db, {});
    expect(after.find((p) => p.id === chosen.id)?.status).toBe('resolved');
    expect(after.filter((p) => others.includes(p.erpKey)).map((p) => [p.kind, p.status])).toEqual([
      ['possivel_duplicado', 'open'],
      ['possivel_duplicado', 'open'],
    ]);
    for (const other of others) expect(await headersOf(h, other)).toBe(1);
    const history = await listPendingEvents(h.db, chosen.id);
    expect(history.map((e) => e.action)).toEqual(['failed', 'import_anyway', 'resolved']);
    // The text ends with what the decision is about: the record held and the copy shown (ADR 0219).
    expect(history[1]).toMatchObject({
      actor: 'browser',
      message: `${text} [registro ${recordId}; NUMPED ${chosen.params.winthorOrder}; NUMPEDRCA ${chosen.params.numpedrca}]`,
      kind: 'possivel_duplicado',
    });
    const logged = await h.db.query(
      `SELECT WTC_LOG.MESSAGE FROM WTC_LOG WHERE WTC_LOG.MESSAGE LIKE '%importado mesmo assim por decisão do operador%'`,
    );
    expect(logged).toHaveLength(1);
    expect(String(logged[0]!.MESSAGE)).toContain(
      `Pedido ${chosen.erpKey} importado mesmo assim por decisão do operador (browser,`,
    );

    // The next runs: the record is staged (first guard, ADR 0114): nothing staged again.
    await h.run('orders');
    await h.run('orders');
    expect(await headers(h)).toBe(4);
    expect(await headersOf(h, chosen.erpKey)).toBe(2);
  });

  it('a decision on another order id does not skip the guard: only that store order id of that branch', async () => {
    h = await threeFlagged();
    const [chosen, other] = await listPendings(h.db, { status: 'open' });
    const branch = h.settings.branches[0]!.code;
    const [recordId] = await findWaitingStoreOrders(h.db, branch, chosen!.erpKey);
    expect(await decide(h, chosen!, 'decidido', new Date(), 'desktop')).toBe(true);
    expect(await findImportAnywayDecisions(h.db, branch, chosen!.erpKey, recordId!)).toEqual([
      expect.objectContaining({ actor: 'desktop', recordId }),
    ]);
    expect(await findImportAnywayDecisions(h.db, branch, other!.erpKey, recordId!)).toEqual([]);
    expect(
      await findImportAnywayDecisions(h.db, `${branch}9`.slice(0, 2), chosen!.erpKey, recordId!),
    ).toEqual([]);
    await h.run('orders');
    expect(await headersOf(h, chosen!.erpKey)).toBe(2);
    expect(await headersOf(h, other!.erpKey)).toBe(1);
    expect(await headers(h)).toBe(4);
  });

  it('is refused (nothing written) on a pendência that is not an open possible duplicate of an order', async () => {
    h = await threeFlagged();
    const [chosen] = await listPendings(h.db, { status: 'open' });
    await h.db.execute(`UPDATE WTC_PENDING SET ERROR_KIND = 'sem_preco' WHERE WTC_PENDING.ID = :id`, {
      id: chosen!.id,
    });
    const [recordId] = await findWaitingStoreOrders(h.db, '1', chosen!.erpKey);
    const target = { recordId: recordId!, resembles: confirmedOf(chosen!.params), message: 'decidido' };
    expect(await recordImportAnyway(h.db, chosen!.id, target, new Date(), 'cli')).toBe(false);
    await h.db.execute(
      `UPDATE WTC_PENDING SET ERROR_KIND = 'possivel_duplicado', STATUS = 'resolved' WHERE WTC_PENDING.ID = :id`,
      { id: chosen!.id },
    );
    expect(await recordImportAnyway(h.db, chosen!.id, target, new Date(), 'cli')).toBe(false);
    expect((await listPendingEvents(h.db, chosen!.id)).map((e) => e.action)).toEqual(['failed']);
    await h.run('orders');
    expect(await headers(h)).toBe(3);
  });
});
