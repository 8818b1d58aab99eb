import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../db/sqlite-db';
import { getOrderStatuses } from '../repositories/order-status-repository';
import { readStagingResult, stageOrder, type StagedOrder } from '../repositories/order-staging-repository';
import { createTestWinthor } from '../test-winthor.test-support';
import { nfeKeyCheckDigit } from './check-digits';
import { OrderImporterSimulator } from './order-importer-simulator';

const order = (numpedrca: number, overrides: Partial<StagedOrder> = {}): StagedOrder => ({
  numpedrca,
  codusur: 99,
  cgccli: '529.982.247-25',
  openedAt: new Date(2026, 10, 28, 9, 0, 0),
  codcli: 3,
  codfilial: '1',
  codcob: 'CART',
  codplpag: 1,
  numpedcli: `LOJA-${numpedrca}`,
  vlfrete: 10,
  items: [
    { codprod: 1, qt: 2, pvenda: 5, numseq: 1 },
    { codprod: 2, qt: 1, pvenda: 7.5, numseq: 2 },
  ],
  ...overrides,
});

describe('simulador do importador de pedidos do WinThor', () => {
  let db: SqliteDb;
  beforeEach(async () => {
    db = await createTestWinthor({ products: 40, customers: 5 });
  });
  afterEach(async () => db.close());

  it('imports valid orders, rejects unknown products/customers, then advances L → M → F with an NF-e key', async () => {
    const t0 = new Date(2026, 10, 28, 10, 0, 0);
    await db.transaction(async (tx) => {
      await stageOrder(tx, order(1), t0);
      await stageOrder(tx, order(2, { items: [{ codprod: 999_999, qt: 1, pvenda: 1, numseq: 1 }] }), t0);
      await stageOrder(tx, order(3, { codcli: 424242 }), t0);
    });
    const simulator = new OrderImporterSimulator(db, { stepMs: 60_000 });
    expect(await simulator.advance(t0)).toEqual({ imported: 1, rejected: 2, picked: 0, invoiced: 0 });

    const ok = await readStagingResult(db, order(1));
    expect(ok).toMatchObject({ status: 'imported', importado: 2, numped: 100_001 });
    const badProduct = await readStagingResult(db, order(2));
    expect(badProduct).toMatchObject({
      status: 'rejected',
      numped: null,
      message: 'Produto(s) inexistente(s) ou excluído(s): 999999',
    });
    expect(badProduct.itemMessages).toEqual([
      { codprod: 999_999, numseq: 1, message: 'Produto não cadastrado' },
    ]);
    expect((await readStagingResult(db, order(3))).message).toBe('Cliente 424242 não cadastrado');

    const items = await db.query(
      `SELECT PCPEDI.CODPROD, PCPEDI.QT FROM PCPEDI WHERE PCPEDI.NUMPED = 100001 ORDER BY PCPEDI.NUMSEQ`,
    );
    expect(items).toEqual([
      { CODPROD: 1, QT: 2 },
      { CODPROD: 2, QT: 1 },
    ]);
    expect((await getOrderStatuses(db, [100_001]))[0]).toMatchObject({ position: 'L', invoiceKey: null });
    expect(await simulator.advance(new Date(t0.getTime() + 30_000))).toEqual({
      imported: 0,
      rejected: 0,
      picked: 0,
      invoiced: 0,
    });
    expect(await simulator.advance(new Date(t0.getTime() + 60_000))).toMatchObject({
      picked: 1,
      invoiced: 0,
    });
    expect((await getOrderStatuses(db, [100_001]))[0]!.position).toBe('M');
    const t2 = new Date(t0.getTime() + 120_000);
    expect(await simulator.advance(t2)).toMatchObject({ picked: 0, invoiced: 1 });
    const [status] = await getOrderStatuses(db, [100_001]);
    expect(status).toMatchObject({ position: 'F', invoiceNumber: 1, invoicedAt: t2 });
    expect(status!.invoiceKey).toMatch(/^43\d{42}$/);
    expect(nfeKeyCheckDigit(status!.invoiceKey!.slice(0, 43))).toBe(Number(status!.invoiceKey![43]));
    // Nothing left to do: idempotent.
    expect(await simulator.advance(new Date(t0.getTime() + 600_000))).toEqual({
      imported: 0,
      rejected: 0,
      picked: 0,
      invoiced: 0,
    });
  });
});
