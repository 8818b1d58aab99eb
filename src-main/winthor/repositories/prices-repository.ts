import { AppError } from '../../shared/app-error';
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

/** Parameter 4010 → the PCTABPR column (1..7 → PVENDA1..PVENDA7). Blank = PVENDA1. */
export const priceColumnFor = (value: string | null): PriceColumn => {
  const text = (value ?? '')
    .trim()
    .toUpperCase()
    .replace(/^PVENDA/, '');
  if (text === '') return 'PVENDA1';
  const column = `PVENDA${text}` as PriceColumn;
  if (!PRICE_COLUMNS.includes(column)) {
    throw new AppError(
      'invalid_parameter',
      `Parâmetro 4010 (coluna de preço de venda) com valor inválido: "${value}".`,
      {
        field: 'winthor.parameterNames.4010',
        fix: 'Na rotina 132 do WinThor, informe um número de 1 a 7 (PVENDA1 a PVENDA7).',
      },
    );
  }
  return column;
};

/** The price region of a branch: parameter 4014 where set, else PCFILIAL.NUMREGIAOPADRAO. */
export const resolvePriceRegion = async (
  db: DbSession,
  branch: string,
  regionParameter: string | null,
): Promise<number> => {
  const fromParameter = (regionParameter ?? '').trim();
  if (fromParameter !== '') {
    const region = Number(fromParameter);
    if (!Number.isInteger(region) || region <= 0) {
      throw new AppError(
        'invalid_parameter',
        `Parâmetro 4014 (região de preço) com valor inválido: "${regionParameter}".`,
        {
          field: 'winthor.parameterNames.4014',
          fix: 'Na rotina 132, informe o número de uma região cadastrada (PCREGIAO) ou deixe em branco para usar a região padrão da filial.',
        },
      );
    }
    return region;
  }
  const found = await getBranch(db, branch);
  if (!found) {
    throw new AppError('unknown_branch', `Filial ${branch} não existe no WinThor (PCFILIAL).`, {
      field: 'branches',
      fix: 'Confira o código da filial nas configurações.',
    });
  }
  if (found.defaultRegion === null) {
    throw new AppError(
      'missing_region',
      `Filial ${branch} sem região de preço padrão (PCFILIAL.NUMREGIAOPADRAO) e sem o parâmetro 4014.`,
      {
        field: 'winthor.parameterNames.4014',
        fix: 'Informe a região padrão da filial no WinThor ou o parâmetro 4014 na rotina 132.',
      },
    );
  }
  return found.defaultRegion;
};

export interface PriceItem {
  codprod: number;
  region: number;
  column: PriceColumn;
  /** null when the column is empty or zero, or the row is marked EXCLUIDO. */
  price: number | null;
  changedAt: Date | null;
}

const SELECT_PRICES = `SELECT PCTABPR.CODPROD, PCTABPR.NUMREGIAO, PCTABPR.PVENDA1, PCTABPR.PVENDA2, PCTABPR.PVENDA3, PCTABPR.PVENDA4,
    PCTABPR.PVENDA5, PCTABPR.PVENDA6, PCTABPR.PVENDA7, PCTABPR.DTULTALTPVENDA, PCTABPR.EXCLUIDO
   FROM PCTABPR JOIN PCPRODUT ON PCPRODUT.CODPROD = PCTABPR.CODPROD
  WHERE PCTABPR.NUMREGIAO = :numregiao AND PCPRODUT.ENVIAECOMMERCE = 'S' AND PCPRODUT.DTEXCLUSAO IS NULL`;

const toPrice = (row: Record<string, unknown>, column: PriceColumn): PriceItem => {
  const value = toOptionalNumber(row[column]);
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
  for await (const row of db.stream(`${SELECT_PRICES} ORDER BY PCTABPR.CODPROD`, { numregiao: query.region }))
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
    const list = inList('p', part);
    const rows = await db.query(
      `${SELECT_PRICES} AND PCTABPR.CODPROD IN (${list.sql}) ORDER BY PCTABPR.CODPROD`,
      { numregiao: query.region, ...list.binds },
    );
    for (const row of rows) out.push(toPrice(row, query.column));
  }
  return out;
};
