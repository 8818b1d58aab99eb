import { afterEach, describe, expect, it } from 'vitest';
import { findPossibleDuplicate, listPendings } from '../../winthor';
import { install, uninstall } from '../../winthor/schema/installer';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const headers = (harness: OrderHarness) => harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`);

describe('the same order under another store key (review #10, finding 2)', () => {
  it('the store URL written differently does not stage the same orders again: one pendência each', async () => {
    h = await startOrderHarness({ sandbox: { statusProcessedImplemented: false } });
    for (let i = 0; i < 3; i++) await h.place(goodOrder(h.products.slice(i, i + 1)));
    await h.run('orders');
    await h.importInWinthor();
    await h.run('orders');
    expect(await headers(h)).toBe(3);
    const branch = h.settings.branches[0]!;
    branch.store.url = branch.store.url.replace('127.0.0.1', 'localhost');
    await h.run('orders');
    expect(await headers(h)).toBe(3);
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDC`)).toBe(3);
    const open = await listPendings(h.db, { status: 'open' });
    expect(open.map((p) => p.kind)).toEqual([
      'possivel_duplicado',
      'possivel_duplicado',
      'possivel_duplicado',
    ]);
    const numpeds = (await h.db.query(`SELECT PCPEDC.NUMPED FROM PCPEDC`)).map((r) => String(r.NUMPED));
    for (const pending of open) {
      expect(pending.message).toContain('possível pedido duplicado');
      expect(numpeds.some((n) => pending.message.includes(`pedido ${n} do WinThor`))).toBe(true);
    }
    // Runs after that stage nothing either.
    await h.run('orders');
    expect(await headers(h)).toBe(3);
  });

  it('after the integration tables are removed and installed again, orders already staged are not staged twice', async () => {
    // The store still lists them (not acknowledged), and the new records get the same ids again: the
    // staging in PCPEDCFV with that NUMPEDRCA is an earlier one, not this record's.
    h = await startOrderHarness({ sandbox: { statusProcessedImplemented: false } });
    for (let i = 0; i < 3; i++) await h.place(goodOrder(h.products.slice(i, i + 1)));
    await h.run('orders');
    expect(await headers(h)).toBe(3);
    await uninstall(h.db);
    await install(h.db);
    await h.run('orders');
    expect(await headers(h)).toBe(3);
    const open = await listPendings(h.db, { status: 'open' });
    expect(open.map((p) => p.kind)).toEqual([
      'possivel_duplicado',
      'possivel_duplicado',
      'possivel_duplicado',
    ]);
  });

  it('after a reinstall, a new order is staged under a NUMPEDRCA above every earlier staging (not reusing one)', async () => {
    h = await startOrderHarness();
    for (let i = 0; i < 3; i++) await h.place(goodOrder(h.products.slice(i, i + 1)));
    await h.run('orders');
    const before = await h.db.query(`SELECT PCPEDCFV.NUMPEDRCA FROM PCPEDCFV ORDER BY PCPEDCFV.NUMPEDRCA`);
    expect(before.map((r) => Number(r.NUMPEDRCA))).toEqual([1, 2, 3]);
    await uninstall(h.db);
    await install(h.db);
    // A staging of another RCA with a higher number counts too: the floor is the highest of all.
    await h.db.execute(`UPDATE PCPEDCFV SET NUMPEDRCA = 40 WHERE PCPEDCFV.NUMPEDRCA = 3`);
    const stagedAs = async (productIndex: number): Promise<number> => {
      const order = await h!.place(goodOrder(h!.products.slice(productIndex, productIndex + 1)));
      await h!.run('orders');
      const row = await h!.db.queryOne(
        `SELECT PCPEDCFV.NUMPEDRCA FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDCLI = :id`,
        { id: String(order.id) },
      );
      return Number(row!.NUMPEDRCA);
    };
    // The three earlier orders are pulled again too (not acknowledged) and recorded from 41 on (they are
    // possible duplicates, not staged); the new one comes after them.
    expect(await stagedAs(5)).toBe(44);
    const ids = await h.db.query(
      `SELECT WTC_STORE_ORDER.ID FROM WTC_STORE_ORDER ORDER BY WTC_STORE_ORDER.ID`,
    );
    expect(ids.map((r) => Number(r.ID))).toEqual([41, 42, 43, 44]);
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`)).toBe(4);
    // The next ones follow on from there.
    expect(await stagedAs(6)).toBe(45);
  });

  it('an order in WinThor (not from a staging) with the same NUMPEDCLI, RCA and customer is a duplicate', async () => {
    h = await startOrderHarness();
    const first = await h.place(goodOrder(h.products.slice(0, 1)));
    await h.run('orders');
    await h.importInWinthor();
    await h.run('orders');
    // As if the staging were cleaned and the record lost: only WinThor's PCPEDC knows the order.
    const numped = Number((await h.db.queryOne(`SELECT PCPEDC.NUMPED FROM PCPEDC`))!.NUMPED);
    await h.db.execute(`DELETE FROM PCPEDIFV`);
    await h.db.execute(`DELETE FROM PCPEDCFV`);
    const codcli = Number((await h.db.queryOne(`SELECT PCPEDC.CODCLI FROM PCPEDC`))!.CODCLI);
    const codusur = Number((await h.db.queryOne(`SELECT PCPEDC.CODUSUR FROM PCPEDC`))!.CODUSUR);
    const duplicate = await findPossibleDuplicate(h.db, {
      storeKey: 'outra',
      storeOrderId: String(first.id),
      cgccli: 'irrelevante',
      codcli,
      codusur,
      storeTotal: null,
    });
    expect(duplicate).toEqual({ source: 'winthor', numped, numpedrca: null });
    // Another customer, or the order cancelled in WinThor: no duplicate.
    expect(
      await findPossibleDuplicate(h.db, {
        storeKey: 'outra',
        storeOrderId: String(first.id),
        cgccli: 'irrelevante',
        codcli: codcli + 1,
        codusur,
        storeTotal: null,
      }),
    ).toBeUndefined();
    await h.db.execute(`UPDATE PCPEDC SET POSICAO = 'C'`);
    expect(
      await findPossibleDuplicate(h.db, {
        storeKey: 'outra',
        storeOrderId: String(first.id),
        cgccli: 'irrelevante',
        codcli,
        codusur,
        storeTotal: null,
      }),
    ).toBeUndefined();
  });
});
