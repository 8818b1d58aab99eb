import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_NAMES } from '../contract';
import type { Db } from './db/db';
import {
  createCustomer,
  customerDefaultsFrom,
  findCity,
  findCustomer,
} from './repositories/customers-repository';
import { readParameters } from './repositories/parameters-repository';

/**
 * The customer tests (lookup, PCCONSUM code, city by IBGE code, tax profile), run against any Db holding
 * the demo WinThor: the embedded database always, Oracle when WINTHOR_TEST_ORACLE is set.
 */
export const customerRepositorySuite = (
  label: string,
  open: () => Promise<Db>,
  options: { skip?: boolean } = {},
) => {
  describe.skipIf(options.skip ?? false)(`clientes WinThor (${label})`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
    }, 120_000);
    afterAll(async () => {
      await db?.close();
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
  });
};
