import type { STOCK_FORMULAS } from '../../contract';
import { AppError } from '../../shared/app-error';
import type { StockRow } from '../../winthor';

export type StockFormula = (typeof STOCK_FORMULAS)[number];

/** What the store gets of one product in one branch. */
export interface StockItem {
  codprod: number;
  branch: string;
  /** Available by the branch's formula, before parameter 2829. */
  available: number;
  /** floor(available × 2829 / 100), never negative. */
  offered: number;
}

/**
 * Available stock by the branch's formula (winthor.md, Stock): QTESTGER − QTRESERV − QTBLOQUEADA, minus
 * QTPENDENTE where the site counts it; PKG_ESTOQUE's own figure where that function is the official one.
 * Never subtracts QTINDENIZ on top of QTBLOQUEADA.
 */
export const availableByFormula = (q: StockRow['quantities'], formula: StockFormula): number => {
  switch (formula) {
    case 'gerencial':
      return q.QTESTGER - q.QTRESERV - q.QTBLOQUEADA;
    case 'gerencial-menos-pendente':
      return q.QTESTGER - q.QTRESERV - q.QTBLOQUEADA - q.QTPENDENTE;
    case 'pkg-estoque':
      return q.DISPONIVEL ?? 0;
  }
};

/**
 * Parameter 2829: % of the available stock offered to the e-commerce. Blank = 100. A value that is not a
 * number from 0 to 100 is a configuration error, said plainly (the prerequisites screen says the same).
 */
export const parseStockPercent = (value: string | null): number => {
  if (value === null || value.trim() === '') return 100;
  const percent = Number(value.trim().replace(',', '.'));
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new AppError(
      'invalid_parameter',
      `Parâmetro 2829 (% do estoque para o e-commerce) com valor inválido: "${value}".`,
      {
        field: 'winthor.parameterNames.2829',
        fix: 'Na rotina 132 do WinThor, informe um número de 0 a 100.',
      },
    );
  }
  return percent;
};

/** Rounded down, never negative. The product is rounded first so 10 × 70% = 7 (not 6.999…) before flooring. */
export const offeredQuantity = (available: number, percent: number): number => {
  const offered = Math.floor(Math.round(available * percent * 1e6) / 1e8);
  return offered > 0 ? offered : 0;
};

export const stockItemOf = (row: StockRow, formula: StockFormula, percent: number): StockItem => {
  const available = availableByFormula(row.quantities, formula);
  return {
    codprod: row.codprod,
    branch: row.branch,
    available,
    offered: offeredQuantity(available, percent),
  };
};
