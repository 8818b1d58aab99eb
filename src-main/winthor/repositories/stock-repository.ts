import type { STOCK_FORMULAS } from '../../contract';
import { AppError } from '../../shared/app-error';
import type { DbSession } from '../db/db';
import { chunk, inList, toNumber } from './sql-helpers';

export type StockFormula = (typeof STOCK_FORMULAS)[number];

/**
 * One branch's stock of one product as WinThor has it. The engine applies the branch's formula and
 * parameter 2829 (engine/domain/stock-rule.ts): this repository only reads.
 */
export interface StockRow {
  codprod: number;
  branch: string;
  quantities: {
    QTESTGER: number;
    QTRESERV: number;
    QTBLOQUEADA: number;
    QTPENDENTE: number;
    /** PKG_ESTOQUE.ESTOQUE_DISPONIVEL, only with the 'pkg-estoque' formula. */
    DISPONIVEL?: number;
  };
}

const assertFormulaSupported = (db: DbSession, formula: StockFormula): void => {
  if (formula === 'pkg-estoque' && db.dialect.name !== 'oracle') {
    throw new AppError(
      'formula_unsupported',
      'A fórmula de estoque "PKG_ESTOQUE" só existe no banco Oracle do WinThor; o banco embutido de demonstração não a tem.',
      {
        field: 'branches.stock.formula',
        fix: 'No banco embutido, escolha a fórmula "gerencial" ou "gerencial menos pendente".',
      },
    );
  }
};

/**
 * Errors that say the WinThor package function cannot be called as the integration writes it: wrong
 * arguments (PLS-00306, in SQL as ORA-06553), package or function missing (PLS-00201, ORA-00904 naming it),
 * package invalid or not loadable (ORA-04063, ORA-06508, ORA-06575, ORA-06550). Its argument list is not
 * documented in our sources (ADR 0103).
 */
const PACKAGE_CALL_ERROR = /\b(PLS-0?0?306|PLS-0?0?201|ORA-06553|ORA-06550|ORA-06508|ORA-06575|ORA-04063)\b/;

const packageCallError = (error: unknown): string | undefined => {
  const texts: string[] = [];
  for (let e: unknown = error; e && texts.length < 3; e = (e as { cause?: unknown }).cause)
    texts.push(String((e as { message?: unknown }).message ?? ''));
  const text = texts.join('\n');
  const code = PACKAGE_CALL_ERROR.exec(text)?.[1];
  if (code) return code;
  return /ORA-00904/.test(text) && /PKG_ESTOQUE/i.test(text) ? 'ORA-00904' : undefined;
};

/**
 * One configuration problem for the branch, said once — not a failure per product: the call is refused for
 * every row alike, so the read stops at the first refusal.
 */
const withFormulaCheck = async <T>(
  branch: string,
  formula: StockFormula,
  read: () => Promise<T>,
): Promise<T> => {
  try {
    return await read();
  } catch (error) {
    const code = formula === 'pkg-estoque' ? packageCallError(error) : undefined;
    if (!code) throw error;
    throw new AppError(
      'stock_formula_unavailable',
      `Filial ${branch}: a fórmula de estoque "PKG_ESTOQUE" não pôde ser usada — o banco recusou a chamada PKG_ESTOQUE.ESTOQUE_DISPONIVEL(CODPROD, CODFILIAL, 'V') (${code}); nenhum estoque foi enviado por essa fórmula.`,
      {
        field: 'branches.stock.formula',
        fix: 'Em Filiais › Estoque, escolha para esta filial a fórmula "gerencial" ou "gerencial menos pendente". Se o WinThor tiver a PKG_ESTOQUE com outros argumentos, informe-os ao suporte da integração.',
        retryable: false,
        cause: error,
      },
    );
  }
};

/**
 * The SELECT of one branch's stock. 'pkg-estoque' calls the WinThor package function; its third argument
 * (tipo) is not documented in our sources: 'V' is an assumption to confirm on the customer database.
 */
const stockSelect = (formula: StockFormula): string =>
  `SELECT PCEST.CODPROD, PCEST.CODFILIAL, PCEST.QTESTGER, PCEST.QTRESERV, PCEST.QTBLOQUEADA, PCEST.QTPENDENTE${
    formula === 'pkg-estoque'
      ? `, PKG_ESTOQUE.ESTOQUE_DISPONIVEL(PCEST.CODPROD, PCEST.CODFILIAL, 'V') AS DISPONIVEL`
      : ''
  }
   FROM PCEST JOIN PCPRODUT ON PCPRODUT.CODPROD = PCEST.CODPROD
  WHERE PCEST.CODFILIAL = :codfilial AND PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL`;

const toRow = (row: Record<string, unknown>): StockRow => ({
  codprod: toNumber(row.CODPROD),
  branch: String(row.CODFILIAL).trim(),
  quantities: {
    QTESTGER: toNumber(row.QTESTGER),
    QTRESERV: toNumber(row.QTRESERV),
    QTBLOQUEADA: toNumber(row.QTBLOQUEADA),
    QTPENDENTE: toNumber(row.QTPENDENTE),
    ...(row.DISPONIVEL !== undefined ? { DISPONIVEL: toNumber(row.DISPONIVEL) } : {}),
  },
});

export interface StockQuery {
  branch: string;
  /** Which figures to read: 'pkg-estoque' also asks WinThor's package function. */
  formula: StockFormula;
}

/** Streams the stock of every published product of a branch (reconcile): memory stays flat. */
export async function* streamStock(db: DbSession, query: StockQuery): AsyncGenerator<StockRow> {
  assertFormulaSupported(db, query.formula);
  const stream = db.stream(`${stockSelect(query.formula)} ORDER BY PCEST.CODPROD`, {
    codfilial: query.branch,
  });
  const rows = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await withFormulaCheck(query.branch, query.formula, () => rows.next());
      if (next.done) return;
      yield toRow(next.value);
    }
  } finally {
    // A consumer that stops early still releases the cursor and its connection.
    await rows.return?.();
  }
}

/** The stock of some products of a branch (after queue changes). Unpublished or missing products are absent. */
export const getStock = async (
  db: DbSession,
  query: StockQuery,
  codprods: readonly number[],
): Promise<StockRow[]> => {
  assertFormulaSupported(db, query.formula);
  const out: StockRow[] = [];
  for (const part of chunk([...new Set(codprods)])) {
    if (part.length === 0) continue;
    const list = inList('p', part, { codfilial: query.branch });
    const rows = await withFormulaCheck(query.branch, query.formula, () =>
      db.query(
        `${stockSelect(query.formula)} AND PCEST.CODPROD IN (${list.sql}) ORDER BY PCEST.CODPROD`,
        list.binds,
      ),
    );
    for (const row of rows) out.push(toRow(row));
  }
  return out;
};
