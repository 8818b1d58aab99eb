import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_NAMES } from '../contract';
import type { Db } from './db/db';
import { isValidEan13 } from './demo/check-digits';
import { listBranches } from './repositories/branches-repository';
import { listCarriers } from './repositories/carriers-repository';
import { listCategories, setCategoryStoreId } from './repositories/categories-repository';
import { codeExists, listBillingTypes, listPaymentPlans } from './repositories/lookups-repository';
import { getOrderStatuses } from './repositories/order-status-repository';
import { readTrackingColumns } from './catalog/optional-columns';
import { readStagingResult, stageOrder } from './repositories/order-staging-repository';
import { readParameters } from './repositories/parameters-repository';
import { priceColumnFor, priceRegionFor } from '../engine/domain/price-rule';
import { branchDefaultRegion, getPrices, streamPrices } from './repositories/prices-repository';
import {
  getProducts,
  listPublishedProducts,
  streamPublishedProducts,
} from './repositories/products-repository';
import { getStock, streamStock } from './repositories/stock-repository';

/**
 * The repository tests, run against any Db holding the demo WinThor (seeded with 120 products, 20 customers):
 * the embedded database always, Oracle when WINTHOR_TEST_ORACLE is set.
 */
export const repositorySuite = (label: string, open: () => Promise<Db>, options: { skip?: boolean } = {}) => {
  describe.skipIf(options.skip ?? false)(`repositórios WinThor (${label})`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
    }, 120_000);
    afterAll(async () => {
      await db?.close();
    });

    it('lists branches with their default price region', async () => {
      const branches = await listBranches(db);
      expect(branches.map((b) => [b.code, b.defaultRegion, b.active])).toEqual([
        ['1', 1, true],
        ['2', 2, true],
      ]);
    });

    it('reads the category tree and inherits "not published" from the department', async () => {
      const all = await listCategories(db);
      expect(all.filter((n) => n.level === 'department')).toHaveLength(6);
      expect(all.filter((n) => n.level === 'section')).toHaveLength(18);
      expect(all.filter((n) => n.level === 'category')).toHaveLength(36);
      const published = await listCategories(db, { onlyPublished: true });
      expect(published).toHaveLength(all.length - 1 - 3 - 6);
      expect(published.find((n) => n.name === 'PAPELARIA INTERNA')).toBeUndefined();
      const category = all.find((n) => n.key === '1.101.2')!;
      expect(category).toMatchObject({
        level: 'category',
        sectionCode: 101,
        categoryCode: 2,
        parentKey: '1.101',
      });
      await setCategoryStoreId(db, category, 'cat-77');
      expect((await listCategories(db)).find((n) => n.key === '1.101.2')?.storeId).toBe('cat-77');
    });

    it('lists only published, not deleted products, with valid EANs, by keyset pages', async () => {
      const first = await listPublishedProducts(db, { limit: 50 });
      expect(first).toHaveLength(50);
      const all: number[] = [];
      for await (const p of streamPublishedProducts(db)) all.push(p.codprod);
      const expected = Array.from({ length: 120 }, (_, i) => i + 1).filter(
        (p) => p % 11 !== 0 && p % 37 !== 0,
      );
      expect(all).toEqual(expected);
      expect(first.every((p) => p.ean !== null && isValidEan13(p.ean))).toBe(true);
      const next = await listPublishedProducts(db, { afterCodprod: first.at(-1)!.codprod, limit: 500 });
      expect([...first, ...next].map((p) => p.codprod)).toEqual(expected);
      const [p1] = first;
      expect(p1).toMatchObject({
        codprod: 1,
        departmentCode: expect.any(Number),
        sectionCode: expect.any(Number),
      });
      expect(p1!.grossWeightKg).toBeGreaterThan(0);
      const some = await getProducts(db, [11, 12, 999999]);
      expect(some.map((p) => [p.codprod, p.published])).toEqual([
        [11, false],
        [12, true],
      ]);
    });

    it('reads CODAUXILIAR (a NUMBER) as a GTIN with its leading zeros, and no EAN when the check digit is wrong', async () => {
      const saved = (await db.queryOne(
        `SELECT PCPRODUT.CODAUXILIAR FROM PCPRODUT WHERE PCPRODUT.CODPROD = 1`,
      ))!.CODAUXILIAR as number;
      try {
        // UPC-A 012345678905 = EAN-13 0012345678905, kept by the NUMBER column as 12345678905.
        for (const [stored, expected] of [
          [12345678905, '0012345678905'],
          [96385074, '96385074'],
          [7891000100104, null],
        ] as const) {
          await db.execute(`UPDATE PCPRODUT SET CODAUXILIAR = :ean WHERE PCPRODUT.CODPROD = 1`, {
            ean: stored,
          });
          expect((await getProducts(db, [1]))[0]!.ean, String(stored)).toBe(expected);
        }
      } finally {
        await db.execute(`UPDATE PCPRODUT SET CODAUXILIAR = :ean WHERE PCPRODUT.CODPROD = 1`, { ean: saved });
      }
    });

    it('reads the stock figures of a branch as WinThor has them (formula and 2829 belong to the engine)', async () => {
      await db.execute(
        `UPDATE PCEST SET QTESTGER = 100, QTRESERV = 10, QTBLOQUEADA = 5, QTPENDENTE = 7 WHERE PCEST.CODPROD = 1 AND PCEST.CODFILIAL = '1'`,
      );
      await db.execute(
        `UPDATE PCEST SET QTESTGER = 3, QTRESERV = 5, QTBLOQUEADA = 0, QTPENDENTE = 0 WHERE PCEST.CODPROD = 2 AND PCEST.CODFILIAL = '1'`,
      );
      expect(await getStock(db, { branch: '1', formula: 'gerencial' }, [1, 2])).toEqual([
        {
          codprod: 1,
          branch: '1',
          quantities: { QTESTGER: 100, QTRESERV: 10, QTBLOQUEADA: 5, QTPENDENTE: 7 },
        },
        { codprod: 2, branch: '1', quantities: { QTESTGER: 3, QTRESERV: 5, QTBLOQUEADA: 0, QTPENDENTE: 0 } },
      ]);
      let streamed = 0;
      for await (const row of streamStock(db, { branch: '2', formula: 'gerencial' })) {
        expect(row.branch).toBe('2');
        streamed++;
      }
      expect(streamed).toBe(120 - 10 - 3 + 0); // 10 multiples of 11, 3 of 37 (none is both under 120)
    });

    it('resolves parameters: a branch row overrides the company row 99', async () => {
      const branch2 = await readParameters(db, DEFAULT_PARAMETER_NAMES, '2');
      expect(branch2['2829']).toMatchObject({ value: '80', source: 'branch' });
      expect(branch2['4010']).toMatchObject({ value: '2', source: 'branch' });
      expect(branch2['4008']).toMatchObject({ value: 'CART', source: 'company' });
      expect(branch2['4014']).toMatchObject({ value: null, source: 'missing' });
      const branch1 = await readParameters(db, DEFAULT_PARAMETER_NAMES, '1');
      expect(branch1['2829']).toMatchObject({ value: '100', source: 'company' });
      expect(branch1['4010'].value).toBe('1');
    });

    it('picks the price column by parameter 4010 and the region by branch or parameter 4014', async () => {
      const params = await readParameters(db, DEFAULT_PARAMETER_NAMES, '2');
      const column = priceColumnFor(params['4010'].value);
      expect(column).toBe('PVENDA2');
      const region = priceRegionFor('2', params['4014'].value, await branchDefaultRegion(db, '2'));
      expect(region).toBe(2);
      expect(priceRegionFor('2', '3', await branchDefaultRegion(db, '2'))).toBe(3);
      expect(await branchDefaultRegion(db, 'ZZ')).toBeUndefined();
      const [price] = await getPrices(db, { region, column }, [1]);
      const row = await db.queryOne(
        `SELECT PCTABPR.PVENDA2 FROM PCTABPR WHERE PCTABPR.CODPROD = 1 AND PCTABPR.NUMREGIAO = 2`,
      );
      expect(price).toMatchObject({ codprod: 1, region: 2, column: 'PVENDA2', price: Number(row!.PVENDA2) });
      const other = await getPrices(db, { region, column: 'PVENDA1' }, [1]);
      expect(other[0]!.price).not.toBe(price!.price);
      let count = 0;
      for await (const item of streamPrices(db, { region: 1, column: 'PVENDA1' }))
        if (item.price !== null) count++;
      expect(count).toBe(107);
    });

    it('lists billing types, plans and carriers (TIPOFORNEC T, not deleted) and checks codes', async () => {
      expect((await listBillingTypes(db)).map((c) => c.code)).toContain('CART');
      expect((await listPaymentPlans(db)).find((p) => p.code === '3')).toMatchObject({ installments: 3 });
      const carriers = await listCarriers(db);
      expect(carriers.map((c) => c.code)).toEqual([9, 10, 11]);
      expect(await codeExists(db, 'PCCOB', 'CART')).toBe(true);
      expect(await codeExists(db, 'PCCOB', 'XX')).toBe(false);
      expect(await codeExists(db, 'PCUSUARI', '99')).toBe(true);
      expect(await codeExists(db, 'PCPLPAG', 'abc')).toBe(false);
    });

    it('writes staging rows with IMPORTADO = 1 and reads the importer result', async () => {
      const key = {
        numpedrca: 900001,
        codusur: 99,
        cgccli: '529.982.247-25',
        openedAt: new Date(2026, 10, 20, 10, 30, 15, 250),
      };
      await db.transaction((tx) =>
        stageOrder(tx, {
          ...key,
          codcli: 3,
          codfilial: '1',
          codcob: 'CART',
          codplpag: 3,
          numpedcli: 'LOJA-1001',
          vlfrete: 12.5,
          codfornecfrete: 9,
          obsentrega: ['Entregar à tarde'],
          items: [
            { codprod: 1, qt: 2, pvenda: 10.5, numseq: 1 },
            { codprod: 2, qt: 1, pvenda: 3.25, numseq: 2 },
          ],
        }),
      );
      expect(await readStagingResult(db, key)).toMatchObject({
        status: 'waiting',
        importado: 1,
        numped: null,
      });
      const header = await db.queryOne(
        `SELECT PCPEDCFV.NUMPEDCLI, PCPEDCFV.CODFORNECFRETE, PCPEDCFV.OBSENTREGA1 FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDRCA = 900001`,
      );
      expect(header).toEqual({ NUMPEDCLI: 'LOJA-1001', CODFORNECFRETE: 9, OBSENTREGA1: 'Entregar à tarde' });
      // The branch the goods leave from, on the header and every item; the plan's terms (3x: 30/60/90 days).
      const terms = await db.queryOne(
        `SELECT PCPEDCFV.CODFILIALRETIRA, PCPEDCFV.PRAZO1, PCPEDCFV.PRAZO2, PCPEDCFV.PRAZO3, PCPEDCFV.PRAZO4
           FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDRCA = 900001`,
      );
      expect(terms).toEqual({ CODFILIALRETIRA: '1', PRAZO1: 30, PRAZO2: 60, PRAZO3: 90, PRAZO4: null });
      const itemBranches = await db.query(
        `SELECT PCPEDIFV.CODFILIALRETIRA FROM PCPEDIFV WHERE PCPEDIFV.NUMPEDRCA = 900001 ORDER BY PCPEDIFV.NUMSEQ`,
      );
      expect(itemBranches).toEqual([{ CODFILIALRETIRA: '1' }, { CODFILIALRETIRA: '1' }]);
      await db.execute(
        `UPDATE PCPEDCFV SET IMPORTADO = 3, OBSERVACAO_PC = 'Cliente bloqueado' WHERE PCPEDCFV.NUMPEDRCA = 900001`,
      );
      await db.execute(
        `UPDATE PCPEDIFV SET OBSERVACAO_PC = 'Sem estoque' WHERE PCPEDIFV.NUMPEDRCA = 900001 AND PCPEDIFV.NUMSEQ = 2`,
      );
      expect(await readStagingResult(db, key)).toEqual({
        status: 'rejected',
        importado: 3,
        numped: null,
        message: 'Cliente bloqueado',
        itemMessages: [{ codprod: 2, numseq: 2, message: 'Sem estoque' }],
      });
      expect((await readStagingResult(db, { ...key, numpedrca: 1 })).status).toBe('missing');
    });

    it('reads order status from PCPEDC', async () => {
      await db.execute(
        `INSERT INTO PCPEDC (NUMPED, DATA, CODFILIAL, CODCLI, POSICAO, NUMNOTA, CHAVENFE, DTFAT) VALUES (777001, :data, '1', 3, 'F', 1234, :chave, :dtfat)`,
        { data: new Date(2026, 10, 20), chave: '4'.repeat(44), dtfat: new Date(2026, 10, 21, 14, 5, 0) },
      );
      const [status] = await getOrderStatuses(db, [777001, 5]);
      expect(status).toEqual({
        numped: 777001,
        position: 'F',
        invoiceNumber: 1234,
        invoiceKey: '4'.repeat(44),
        invoicedAt: new Date(2026, 10, 21, 14, 5, 0),
        numtransvenda: null,
        trackingCode: null,
        trackingUrlBase: null,
      });
    });

    it('reads the tracking code and the carrier’s tracking address where this WinThor has the columns', async () => {
      const tracking = await readTrackingColumns(db);
      expect(tracking).toEqual({ code: true, urlBase: true });
      await db.execute(
        `INSERT INTO PCPEDC (NUMPED, DATA, CODFILIAL, CODCLI, POSICAO, CODFORNECFRETE, CODIGORASTREIOFRETEVENDA) VALUES (777002, :data, '1', 3, 'F', 9, 'AA123456789BR')`,
        { data: new Date(2026, 10, 20) },
      );
      await db.execute(
        `UPDATE PCFORNEC SET URLBASERASTREIO = 'https://r.example/{codigo}' WHERE PCFORNEC.CODFORNEC = 9`,
      );
      const [withTracking] = await getOrderStatuses(db, [777002], tracking);
      expect(withTracking).toMatchObject({
        trackingCode: 'AA123456789BR',
        trackingUrlBase: 'https://r.example/{codigo}',
      });
      // Without the columns (an older WinThor): the same order, no tracking asked for.
      const [without] = await getOrderStatuses(db, [777002]);
      expect(without).toMatchObject({ position: 'F', trackingCode: null, trackingUrlBase: null });
    });
  });
};
