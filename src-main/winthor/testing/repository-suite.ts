import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_NAMES } from '../../contract';
import type { Db } from '../db/db';
import { isValidEan13 } from '../demo/check-digits';
import { listBranches } from '../repositories/branches-repository';
import { listCarriers } from '../repositories/carriers-repository';
import { listCategories, setCategoryStoreId } from '../repositories/categories-repository';
import {
  createCustomer,
  customerDefaultsFrom,
  findCity,
  findCustomer,
} from '../repositories/customers-repository';
import { codeExists, listBillingTypes, listPaymentPlans } from '../repositories/lookups-repository';
import { getOrderStatuses } from '../repositories/order-status-repository';
import { readStagingResult, stageOrder } from '../repositories/order-staging-repository';
import { readParameters } from '../repositories/parameters-repository';
import {
  getPrices,
  priceColumnFor,
  resolvePriceRegion,
  streamPrices,
} from '../repositories/prices-repository';
import {
  getProducts,
  listPublishedProducts,
  streamPublishedProducts,
} from '../repositories/products-repository';
import { getStock, streamStock } from '../repositories/stock-repository';

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

    it('computes stock by formula, applies parameter 2829 rounding down and never goes negative', async () => {
      await db.execute(
        `UPDATE PCEST SET QTESTGER = 100, QTRESERV = 10, QTBLOQUEADA = 5, QTPENDENTE = 7 WHERE PCEST.CODPROD = 1 AND PCEST.CODFILIAL = '1'`,
      );
      await db.execute(
        `UPDATE PCEST SET QTESTGER = 3, QTRESERV = 5, QTBLOQUEADA = 0, QTPENDENTE = 0 WHERE PCEST.CODPROD = 2 AND PCEST.CODFILIAL = '1'`,
      );
      const gerencial = await getStock(
        db,
        { branch: '1', formula: 'gerencial', percentParameter: '80' },
        [1, 2],
      );
      expect(gerencial).toEqual([
        { codprod: 1, branch: '1', available: 85, offered: 68 },
        { codprod: 2, branch: '1', available: -2, offered: 0 },
      ]);
      const pending = await getStock(
        db,
        { branch: '1', formula: 'gerencial-menos-pendente', percentParameter: '80' },
        [1],
      );
      expect(pending[0]).toMatchObject({ available: 78, offered: 62 });
      const full = await getStock(db, { branch: '1', formula: 'gerencial', percentParameter: null }, [1]);
      expect(full[0]!.offered).toBe(85);
      let streamed = 0;
      for await (const item of streamStock(db, {
        branch: '2',
        formula: 'gerencial',
        percentParameter: '100',
      })) {
        expect(item.offered).toBeGreaterThanOrEqual(0);
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
      const region = await resolvePriceRegion(db, '2', params['4014'].value);
      expect(region).toBe(2);
      expect(await resolvePriceRegion(db, '2', '3')).toBe(3);
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

    it('finds customers by CPF/CNPJ digits whether stored with or without punctuation, plus IE', async () => {
      const rows = await db.query(
        `SELECT PCCLIENT.CODCLI, PCCLIENT.CGCENT, PCCLIENT.IEENT FROM PCCLIENT WHERE PCCLIENT.CODCLI IN (3, 4, 8)`,
      );
      const byCode = new Map(rows.map((r) => [Number(r.CODCLI), r]));
      // 3: CPF stored as digits; 4 and 8: CNPJ stored punctuated.
      const cpf = String(byCode.get(3)!.CGCENT);
      expect(cpf).toMatch(/^\d{11}$/);
      const formattedCpf = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
      expect((await findCustomer(db, { document: formattedCpf, ie: '' }))?.codcli).toBe(3);
      const cnpj = String(byCode.get(4)!.CGCENT);
      expect(cnpj).toContain('/');
      const digits = cnpj.replace(/\D/g, '');
      expect((await findCustomer(db, { document: digits, ie: String(byCode.get(4)!.IEENT) }))?.codcli).toBe(
        4,
      );
      expect(await findCustomer(db, { document: digits, ie: '999' })).toBeUndefined();
      expect(await findCustomer(db, { document: '52998224725' })).toBeUndefined();
      // Stored with other punctuation by hand: found through the CGCENT index range, not a table scan.
      await db.execute(
        `INSERT INTO PCCLIENT (CODCLI, CLIENTE, CGCENT, IEENT) VALUES (9001, 'PONTUACAO MANUAL', '111444777-35', 'ISENTO')`,
      );
      try {
        expect((await findCustomer(db, { document: '111.444.777-35' }))?.codcli).toBe(9001);
      } finally {
        await db.execute(`DELETE FROM PCCLIENT WHERE PCCLIENT.CODCLI = 9001`);
      }
    });

    it('creates customers with a code taken from PCCONSUM.PROXNUMCLI: distinct codes, defaults from parameters', async () => {
      const before = Number((await db.queryOne(`SELECT PCCONSUM.PROXNUMCLI FROM PCCONSUM`))!.PROXNUMCLI);
      const defaults = customerDefaultsFrom(await readParameters(db, DEFAULT_PARAMETER_NAMES, '1'), '1');
      expect(defaults).toEqual({
        codcob: 'CART',
        codplpag: 1,
        codpraca: 1,
        codusur: 99,
        codatv: 2,
        numregiao: null,
        codfilialnf: '1',
        companyWithIeIsFinalConsumer: false,
      });
      const [a, b] = await Promise.all([
        createCustomer(
          db,
          {
            name: 'Maria da Silva',
            document: '529.982.247-25',
            street: 'Av. Borges de Medeiros',
            number: '1501',
            district: 'Praia de Belas',
            city: 'Porto Alegre',
            state: 'RS',
            zip: '90110-150',
            ibgeCode: '4314902',
          },
          defaults,
        ),
        createCustomer(
          db,
          {
            name: 'Loja Teste Ltda',
            document: '11.222.333/0001-81',
            ie: '123.456.789',
            city: 'Canoas',
            state: 'RS',
            ibgeCode: 4304606,
          },
          defaults,
        ),
      ]);
      expect(new Set([a, b]).size).toBe(2);
      expect([a, b].sort((x, y) => x - y)).toEqual([before, before + 1]);
      expect(Number((await db.queryOne(`SELECT PCCONSUM.PROXNUMCLI FROM PCCONSUM`))!.PROXNUMCLI)).toBe(
        before + 2,
      );
      const read = (codcli: number) =>
        db.queryOne(
          `SELECT PCCLIENT.CGCENT, PCCLIENT.TIPOFJ, PCCLIENT.CODCOB, PCCLIENT.CODUSUR1, PCCLIENT.CODATV1, PCCLIENT.IEENT,
                  PCCLIENT.CODCIDADE, PCCLIENT.MUNICENT, PCCLIENT.ESTENT, PCCLIENT.CONSUMIDORFINAL, PCCLIENT.CONTRIBUINTE,
                  PCCLIENT.CODFILIALNF, PCCLIENT.ENDERCOB, PCCLIENT.NUMEROCOB, PCCLIENT.BAIRROCOB, PCCLIENT.MUNICCOB,
                  PCCLIENT.ESTCOB, PCCLIENT.CEPCOB, PCCLIENT.DTULTALTER
             FROM PCCLIENT WHERE PCCLIENT.CODCLI = :codcli`,
          { codcli },
        );
      const person = await read(a);
      expect(person).toMatchObject({
        CGCENT: '529.982.247-25',
        TIPOFJ: 'F',
        CODCOB: 'CART',
        CODUSUR1: 99,
        CODATV1: 2,
        IEENT: 'ISENTO',
        // WinThor's own city code (PCCIDADE.CODCIDADE), found by the IBGE code: never the 7-digit IBGE code.
        CODCIDADE: 1,
        MUNICENT: 'PORTO ALEGRE',
        ESTENT: 'RS',
        CONSUMIDORFINAL: 'S',
        CONTRIBUINTE: 'N',
        CODFILIALNF: '1',
        ENDERCOB: 'AV. BORGES DE MEDEIROS',
        NUMEROCOB: '1501',
        BAIRROCOB: 'PRAIA DE BELAS',
        MUNICCOB: 'PORTO ALEGRE',
        ESTCOB: 'RS',
        CEPCOB: '90110-150',
      });
      expect(person!.DTULTALTER).toBeInstanceOf(Date);
      // A company with a state registration: ICMS taxpayer, not a final consumer (the default setting).
      expect(await read(b)).toMatchObject({
        TIPOFJ: 'J',
        CODCIDADE: 2,
        CONSUMIDORFINAL: 'N',
        CONTRIBUINTE: 'S',
      });
      expect((await findCustomer(db, { document: '11222333000181', ie: '123456789' }))?.codcli).toBe(b);
      // A code already used by hand in WinThor is skipped.
      await db.execute(`INSERT INTO PCCLIENT (CODCLI, CLIENTE, CGCENT) VALUES (:codcli, 'MANUAL', '0')`, {
        codcli: before + 2,
      });
      const c = await createCustomer(
        db,
        { name: 'Outro', document: '39053344705', ibgeCode: 3550308 },
        customerDefaultsFrom(await readParameters(db, DEFAULT_PARAMETER_NAMES, '2'), '2', {
          invoicingBranch: '1',
          companyWithIeIsFinalConsumer: true,
        }),
      );
      expect(c).toBe(before + 3);
      expect(await read(c)).toMatchObject({ CODCIDADE: 9, ESTENT: 'SP', CODFILIALNF: '1' });
    });

    it('takes WinThor’s city by PCCIDADE.CODIBGE, else by name and state; without one creates nothing', async () => {
      const counter = async () =>
        Number((await db.queryOne(`SELECT PCCONSUM.PROXNUMCLI FROM PCCONSUM`))!.PROXNUMCLI);
      expect(await findCity(db, { ibgeCode: '3550308' })).toEqual({
        codcidade: 9,
        name: 'SÃO PAULO',
        state: 'SP',
        ibgeCode: 3550308,
      });
      // By name: case does not matter, accents must be as WinThor spells the city (or absent on both sides).
      expect((await findCity(db, { name: 'São Paulo', state: 'sp' }))?.codcidade).toBe(9);
      expect((await findCity(db, { name: 'caxias do sul', state: 'RS' }))?.codcidade).toBe(4);
      expect(await findCity(db, { name: 'Caxias do Sul', state: 'SC' })).toBeUndefined();
      expect(await findCity(db, { ibgeCode: 431490 })).toBeUndefined();
      const defaults = customerDefaultsFrom(await readParameters(db, DEFAULT_PARAMETER_NAMES, '1'), '1');
      const before = await counter();
      await expect(
        createCustomer(db, { name: 'Sem cidade', document: '87748248800', ibgeCode: 1234567 }, defaults),
      ).rejects.toMatchObject({
        code: 'customer_city_unknown',
        field: 'billingAddress.ibgeCode',
        message: expect.stringContaining('código IBGE 1234567'),
      });
      await expect(
        createCustomer(db, { name: 'Sem endereço', document: '87748248800' }, defaults),
      ).rejects.toMatchObject({ code: 'customer_city_missing' });
      // The city is checked before a code is taken: no number is spent on a refused customer.
      expect(await counter()).toBe(before);
    });

    it('refuses a NULL or non-positive PCCONSUM.PROXNUMCLI and an increment that does not change exactly one row', async () => {
      const saved = Number((await db.queryOne(`SELECT PCCONSUM.PROXNUMCLI FROM PCCONSUM`))!.PROXNUMCLI);
      const defaults = customerDefaultsFrom(await readParameters(db, DEFAULT_PARAMETER_NAMES, '1'), '1');
      const customersBefore = Number((await db.queryOne(`SELECT COUNT(*) AS N FROM PCCLIENT`))!.N);
      try {
        for (const bad of [null, 0, -5]) {
          await db.execute(`UPDATE PCCONSUM SET PROXNUMCLI = :bad`, { bad });
          for (const document of ['87748248800', '45317828791']) {
            const error = await createCustomer(
              db,
              { name: 'Sem contador', document, ibgeCode: 4314902 },
              defaults,
            ).then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(error).toMatchObject({
              code: 'missing_counter',
              message: expect.stringContaining('PCCONSUM.PROXNUMCLI'),
              fix: expect.stringContaining('PCCONSUM.PROXNUMCLI'),
            });
          }
        }
        expect(
          await db.queryOne(`SELECT PCCLIENT.CODCLI FROM PCCLIENT WHERE PCCLIENT.CODCLI <= 0`),
        ).toBeUndefined();
        // Two PCCONSUM rows with the same counter: the increment changes 2 rows, nothing is created.
        await db.execute(`UPDATE PCCONSUM SET PROXNUMCLI = :saved`, { saved });
        await db.execute(`INSERT INTO PCCONSUM (PROXNUMCLI) VALUES (:saved)`, { saved });
        await expect(
          createCustomer(
            db,
            { name: 'Dois contadores', document: '87748248800', ibgeCode: 4314902 },
            defaults,
          ),
        ).rejects.toMatchObject({ code: 'counter_update_failed' });
        expect(Number((await db.queryOne(`SELECT COUNT(*) AS N FROM PCCLIENT`))!.N)).toBe(customersBefore);
      } finally {
        await db.execute(`DELETE FROM PCCONSUM`);
        await db.execute(`INSERT INTO PCCONSUM (PROXNUMCLI) VALUES (:saved)`, { saved });
      }
      const code = await createCustomer(
        db,
        { name: 'Com contador', document: '87748248800', ibgeCode: 4314902 },
        defaults,
      );
      expect(code).toBe(saved);
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
      });
    });
  });
};
