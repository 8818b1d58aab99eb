import { afterEach, describe, expect, it } from 'vitest';
import { findImportAnywayDecision, listPendingEvents, listPendings, recordImportAnyway } from '../../winthor';
import { decisionText, resembledOrder } from './import-anyway';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const headers = (harness: OrderHarness) => harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`);
const headersOf = (harness: OrderHarness, storeOrderId: string) =>
  harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDCLI = :id`, { id: storeOrderId });

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
    expect(await recordImportAnyway(h.db, chosen.id, text, at, 'browser')).toBe(true);

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
    expect(history[1]).toMatchObject({ actor: 'browser', message: text, kind: 'possivel_duplicado' });
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
    expect(await recordImportAnyway(h.db, chosen!.id, 'decidido', new Date(), 'desktop')).toBe(true);
    expect(await findImportAnywayDecision(h.db, branch, chosen!.erpKey)).toMatchObject({ actor: 'desktop' });
    expect(await findImportAnywayDecision(h.db, branch, other!.erpKey)).toBeUndefined();
    expect(await findImportAnywayDecision(h.db, `${branch}9`.slice(0, 2), chosen!.erpKey)).toBeUndefined();
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
    expect(await recordImportAnyway(h.db, chosen!.id, 'decidido', new Date(), 'cli')).toBe(false);
    await h.db.execute(
      `UPDATE WTC_PENDING SET ERROR_KIND = 'possivel_duplicado', STATUS = 'resolved' WHERE WTC_PENDING.ID = :id`,
      { id: chosen!.id },
    );
    expect(await recordImportAnyway(h.db, chosen!.id, 'decidido', new Date(), 'cli')).toBe(false);
    expect((await listPendingEvents(h.db, chosen!.id)).map((e) => e.action)).toEqual(['failed']);
    await h.run('orders');
    expect(await headers(h)).toBe(3);
  });
});
