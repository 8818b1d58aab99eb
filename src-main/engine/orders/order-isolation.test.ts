import { afterEach, describe, expect, it } from 'vitest';
import { listPendings } from '../../winthor';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const headers = (harness: OrderHarness) => harness.count(`SELECT COUNT(*) AS N FROM PCPEDCFV`);

describe('one bad order does not stop the others (review #10, finding 1)', () => {
  it('a malformed order in a page becomes one pendência naming the field; the others are staged', async () => {
    h = await startOrderHarness();
    await h.place(goodOrder(h.products.slice(0, 1)));
    const bad = await h.place({
      ...goodOrder(h.products.slice(1, 2)),
      payments: [{ method: null as unknown as string, installments: 1 }],
    });
    await h.place(goodOrder(h.products.slice(2, 3)));
    const first = await h.run('orders');
    expect(first.status).not.toBe('failed');
    expect(await headers(h)).toBe(2);
    const open = await listPendings(h.db, { status: 'open' });
    const pending = open.find((p) => p.erpKey === String(bad.id));
    expect(pending?.kind).toBe('pedido_invalido');
    expect(pending?.message).toContain('payments[0].method');
    expect(pending?.message).toContain('esperado texto, veio nulo');
    expect(pending?.fix).toContain('Corrija o campo');
    const second = await h.run('orders');
    expect(second.status).not.toBe('failed');
    expect(await headers(h)).toBe(2);
  });

  it('an order-specific database error (ORA-01400 on PCCLIENT) is a pendência with back-off; the run goes on', async () => {
    h = await startOrderHarness();
    await h.db.execute(
      `CREATE TRIGGER WTC_TEST_FAIL BEFORE INSERT ON PCCLIENT WHEN NEW.CLIENTE LIKE '%FALHA%'
       BEGIN SELECT RAISE(ABORT, 'ORA-01400: cannot insert NULL into ("WINTHOR"."PCCLIENT"."CODPRACA")'); END`,
    );
    await h.place(goodOrder(h.products.slice(0, 1)));
    const failing = goodOrder(h.products.slice(1, 2));
    const bad = await h.place({
      ...failing,
      billing: { ...(failing.billing as object), name: 'Cliente Falha' },
    });
    await h.place(goodOrder(h.products.slice(2, 3)));
    const run = await h.run('orders');
    expect(run.status).not.toBe('failed');
    expect(await headers(h)).toBe(2);
    const pending = (await listPendings(h.db, { status: 'open' })).find((p) => p.erpKey === String(bad.id));
    expect(pending?.kind).toBe('erro_importacao');
    expect(pending?.message).toContain('ORA-01400');
    expect(pending?.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    // Backing off: the next run does not try it again (no new attempt recorded).
    await h.run('orders');
    const again = (await listPendings(h.db, { status: 'open' })).find((p) => p.erpKey === String(bad.id));
    expect(again?.attempts).toBe(pending?.attempts);
    // The cause fixed and the back-off over: it goes through.
    await h.db.execute(`DROP TRIGGER WTC_TEST_FAIL`);
    await h.db.execute(`UPDATE WTC_PENDING SET NEXT_ATTEMPT_AT = :at WHERE WTC_PENDING.ERP_KEY = :key`, {
      at: new Date(Date.now() - 1000),
      key: String(bad.id),
    });
    await h.run('orders');
    expect(await headers(h)).toBe(3);
    expect((await listPendings(h.db, { status: 'open' })).some((p) => p.erpKey === String(bad.id))).toBe(
      false,
    );
  });
});

describe('an order WinThor rejected, then reprocessed inside WinThor (review #10, finding 6)', () => {
  it('follows WinThor back to staged and imported; the pendência closes and the store hears of it', async () => {
    h = await startOrderHarness();
    const o = await h.place(goodOrder(h.products.slice(0, 1)));
    await h.run('orders');
    await h.db.execute(
      `UPDATE PCCLIENT SET BLOQUEIO = 'S' WHERE PCCLIENT.CODCLI = (SELECT MAX(PCPEDCFV.CODCLI) FROM PCPEDCFV)`,
    );
    await h.importInWinthor();
    await h.run('orders');
    expect((await listPendings(h.db, { status: 'open' })).map((p) => p.kind)).toEqual(['rejeitado_winthor']);
    // WinThor's support unblocks the customer and sets IMPORTADO back to 1.
    await h.db.execute(`UPDATE PCCLIENT SET BLOQUEIO = 'N'`);
    await h.db.execute(`UPDATE PCPEDCFV SET IMPORTADO = 1, OBSERVACAO_PC = NULL`);
    await h.run('orders');
    expect((await h.db.queryOne(`SELECT WTC_STORE_ORDER.STATE FROM WTC_STORE_ORDER`))!.STATE).toBe('staged');
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
    await h.importInWinthor();
    await h.run('orders');
    const record = await h.db.queryOne(
      `SELECT WTC_STORE_ORDER.STATE, WTC_STORE_ORDER.NUMPED FROM WTC_STORE_ORDER`,
    );
    expect(record!.STATE).toBe('imported');
    expect(record!.NUMPED).not.toBeNull();
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCPEDC`)).toBe(1);
    expect(h.sandbox.orders.isProcessed(o.id)).toBe(true);
    await h.run('orderStatus');
    expect(h.sandbox.orderStatusUpdates).toHaveLength(1);
  });

  it('jumping straight from rejected to imported (reset and imported between two runs) also follows', async () => {
    h = await startOrderHarness();
    await h.place(goodOrder(h.products.slice(0, 1)));
    await h.run('orders');
    await h.db.execute(
      `UPDATE PCCLIENT SET BLOQUEIO = 'S' WHERE PCCLIENT.CODCLI = (SELECT MAX(PCPEDCFV.CODCLI) FROM PCPEDCFV)`,
    );
    await h.importInWinthor();
    await h.run('orders');
    await h.db.execute(`UPDATE PCCLIENT SET BLOQUEIO = 'N'`);
    await h.db.execute(`UPDATE PCPEDCFV SET IMPORTADO = 1, OBSERVACAO_PC = NULL`);
    await h.importInWinthor();
    await h.run('orders');
    expect((await h.db.queryOne(`SELECT WTC_STORE_ORDER.STATE FROM WTC_STORE_ORDER`))!.STATE).toBe(
      'imported',
    );
    expect(await listPendings(h.db, { status: 'open' })).toEqual([]);
  });
});

describe('a customer created for an order (review #10, 7)', () => {
  it('is its own main customer: PCCLIENT.CODCLIPRINC = CODCLI', async () => {
    h = await startOrderHarness();
    await h.place(goodOrder(h.products.slice(0, 1)));
    await h.run('orders');
    const created = await h.db.queryOne(
      `SELECT PCCLIENT.CODCLI, PCCLIENT.CODCLIPRINC FROM PCCLIENT
        WHERE PCCLIENT.CODCLI = (SELECT MAX(PCPEDCFV.CODCLI) FROM PCPEDCFV)`,
    );
    expect(created).toBeDefined();
    expect(Number(created!.CODCLIPRINC)).toBe(Number(created!.CODCLI));
  });
});
