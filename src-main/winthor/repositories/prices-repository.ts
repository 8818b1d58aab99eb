import type { DbSession } from '../db/db';
import { getBranch } from './branches-repository';
import { chunk, inList, toNumber, toOptionalDate, toOptionalNumber } from './sql-helpers';

export const PRICE_COLUMNS = [
  'PVENDA1',
  'PVENDA2',
  'PVENDA3',
  'PVENDA4',
  'PVENDA5',
  'PVENDA6',
  'PVENDA7',
] as const;
export type PriceColumn = (typeof PRICE_COLUMNS)[number];

/**
 * The branch's default price region (PCFILIAL.NUMREGIAOPADRAO): undefined when the branch is not in
 * PCFILIAL, null when it has none. Parameter 4014 and the rule between them: engine/domain/price-rule.ts.
 */
export const branchDefaultRegion = async (
  db: DbSession,
  branch: string,
): Promise<number | null | undefined> => (await getBranch(db, branch))?.defaultRegion;

export interface PriceItem {
  codprod: number;
  region: number;
  column: PriceColumn;
  /** null when the column is empty or zero, or the row is marked EXCLUIDO. */
  price: number | null;
  changedAt: Date | null;
}

/**
 * The price of one column of PCTABPR (the branch's, parameter 4010): only that column is read — a CASE on
 * the bound column name, so the SQL text names every column it may read (and stays one statement).
 */
const SELECT_PRICES = `SELECT PCTABPR.CODPROD, PCTABPR.NUMREGIAO,
    CASE :price_column WHEN 'PVENDA1' THEN PCTABPR.PVENDA1 WHEN 'PVENDA2' THEN PCTABPR.PVENDA2
      WHEN 'PVENDA3' THEN PCTABPR.PVENDA3 WHEN 'PVENDA4' THEN PCTABPR.PVENDA4 WHEN 'PVENDA5' THEN PCTABPR.PVENDA5
      WHEN 'PVENDA6' THEN PCTABPR.PVENDA6 WHEN 'PVENDA7' THEN PCTABPR.PVENDA7 END AS PRICE,
    PCTABPR.DTULTALTPVENDA, PCTABPR.EXCLUIDO
   FROM PCTABPR JOIN PCPRODUT ON PCPRODUT.CODPROD = PCTABPR.CODPROD
  WHERE PCTABPR.NUMREGIAO = :numregiao AND PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL`;

const toPrice = (row: Record<string, unknown>, column: PriceColumn): PriceItem => {
  const value = toOptionalNumber(row.PRICE);
  return {
    codprod: toNumber(row.CODPROD),
    region: toNumber(row.NUMREGIAO),
    column,
    price: String(row.EXCLUIDO ?? '').trim() === 'S' || value === null || value <= 0 ? null : value,
    changedAt: toOptionalDate(row.DTULTALTPVENDA),
  };
};

export interface PriceQuery {
  region: number;
  column: PriceColumn;
}

export async function* streamPrices(db: DbSession, query: PriceQuery): AsyncGenerator<PriceItem> {
  for await (const row of db.stream(`${SELECT_PRICES} ORDER BY PCTABPR.CODPROD`, {
    numregiao: query.region,
    price_column: query.column,
  }))
    yield toPrice(row, query.column);
}

export const getPrices = async (
  db: DbSession,
  query: PriceQuery,
  codprods: readonly number[],
): Promise<PriceItem[]> => {
  const out: PriceItem[] = [];
  for (const part of chunk([...new Set(codprods)])) {
    if (part.length === 0) continue;
    const list = inList('p', part, { numregiao: query.region, price_column: query.column });
    const rows = await db.query(
      `${SELECT_PRICES} AND PCTABPR.CODPROD IN (${list.sql}) ORDER BY PCTABPR.CODPROD`,
      list.binds,
    );
    for (const row of rows) out.push(toPrice(row, query.column));
  }
  return out;
};
