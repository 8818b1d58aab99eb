import { describe, expect, it } from 'vitest';
import type { DbSession, Row } from '../db/db';
import { mapDbError } from '../db/db-errors';
import { oracleDialect } from '../db/dialect';
import { getStock, streamStock } from './stock-repository';

/** What the Oracle adapter throws when SQL calls a package function with the wrong arguments. */
const refusedCall = () =>
  mapDbError(
    Object.assign(
      new Error(
        "ORA-06553: PLS-306: wrong number or types of arguments in call to 'ESTOQUE_DISPONIVEL'\nHelp: https://docs.oracle.com/error-help/db/ora-06553/",
      ),
      { code: 'ORA-06553', errorNum: 6553 },
    ),
  );

const failingDb = (error: () => Error) => {
  const calls = { query: 0, stream: 0, closed: 0 };
  const db = {
    dialect: oracleDialect,
    query: async () => {
      calls.query++;
      throw error();
    },
    stream: (): AsyncIterable<Row> => ({
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          calls.stream++;
          throw error();
        },
        return: async () => {
          calls.closed++;
          return { done: true, value: undefined };
        },
      }),
    }),
  } as unknown as DbSession;
  return { db, calls };
};

const query = { branch: '2', formula: 'pkg-estoque' as const, percentParameter: '100' };

describe('PKG_ESTOQUE refused by the database: one configuration problem, not a failure per product', () => {
  it('getStock stops at the first refusal and names the formula setting and the fix in pt-BR', async () => {
    const { db, calls } = failingDb(refusedCall);
    const codprods = Array.from({ length: 1200 }, (_, i) => i + 1);
    const error = await getStock(db, query, codprods).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'stock_formula_unavailable',
      field: 'branches.stock.formula',
      retryable: false,
    });
    expect((error as Error).message).toBe(
      `Filial 2: a fórmula de estoque "PKG_ESTOQUE" não pôde ser usada — o banco recusou a chamada PKG_ESTOQUE.ESTOQUE_DISPONIVEL(CODPROD, CODFILIAL, 'V') (ORA-06553); nenhum estoque foi enviado por essa fórmula.`,
    );
    expect((error as { fix: string }).fix).toContain('escolha para esta filial a fórmula "gerencial"');
    // 1200 products are three IN lists of 500: the first refusal ends the read.
    expect(calls.query).toBe(1);
  });

  it('the reconcile stream says the same once, and releases its cursor', async () => {
    const { db, calls } = failingDb(refusedCall);
    const read = async () => {
      for await (const item of streamStock(db, query)) void item;
    };
    await expect(read()).rejects.toMatchObject({ code: 'stock_formula_unavailable' });
    expect(calls.stream).toBe(1);
    expect(calls.closed).toBe(1);
  });

  it('a missing package (ORA-00904 naming it) is the same problem; other errors pass through unchanged', async () => {
    const missing = () =>
      mapDbError(
        Object.assign(new Error('ORA-00904: "PKG_ESTOQUE"."ESTOQUE_DISPONIVEL": invalid identifier'), {
          code: 'ORA-00904',
        }),
      );
    await expect(getStock(failingDb(missing).db, query, [1])).rejects.toMatchObject({
      code: 'stock_formula_unavailable',
    });
    const down = () =>
      mapDbError(Object.assign(new Error('NJS-503: connection refused'), { code: 'NJS-503' }));
    await expect(getStock(failingDb(down).db, query, [1])).rejects.toMatchObject({ code: 'db_unreachable' });
    await expect(
      getStock(failingDb(refusedCall).db, { ...query, formula: 'gerencial' }, [1]),
    ).rejects.toMatchObject({
      code: 'db_error',
    });
  });
});
