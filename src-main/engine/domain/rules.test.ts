import { describe, expect, it } from 'vitest';
import { priceColumnFor, priceRegionFor } from './price-rule';
import { availableByFormula, offeredQuantity, parseStockPercent, stockItemOf } from './stock-rule';

const quantities = { QTESTGER: 100, QTRESERV: 10, QTBLOQUEADA: 5, QTPENDENTE: 7 };

describe('stock rule (formula of the branch, parameter 2829)', () => {
  it('computes available stock by formula, never subtracting QTINDENIZ', () => {
    expect(availableByFormula(quantities, 'gerencial')).toBe(85);
    expect(availableByFormula(quantities, 'gerencial-menos-pendente')).toBe(78);
    expect(availableByFormula({ ...quantities, DISPONIVEL: 42 }, 'pkg-estoque')).toBe(42);
    expect(availableByFormula(quantities, 'pkg-estoque')).toBe(0);
  });

  it('offers 2829 % rounded down and never negative; blank means 100 %', () => {
    expect(
      stockItemOf({ codprod: 1, branch: '1', quantities }, 'gerencial', parseStockPercent('80')),
    ).toEqual({
      codprod: 1,
      branch: '1',
      available: 85,
      offered: 68,
    });
    expect(offeredQuantity(10, 70)).toBe(7); // not 6.999…
    expect(offeredQuantity(11, 50)).toBe(5);
    expect(offeredQuantity(-2, 100)).toBe(0);
    expect(parseStockPercent(null)).toBe(100);
    expect(parseStockPercent(' 12,5 ')).toBe(12.5);
  });

  it('refuses a 2829 that is not 0 to 100, naming the parameter and the fix', () => {
    expect(() => parseStockPercent('120')).toThrow(/Parâmetro 2829/);
    expect(() => parseStockPercent('abc')).toThrow(
      expect.objectContaining({ fix: expect.stringContaining('rotina 132') }),
    );
  });
});

describe('price rule (parameters 4010 and 4014)', () => {
  it('maps 4010 to a PCTABPR column; blank is PVENDA1', () => {
    expect(priceColumnFor('2')).toBe('PVENDA2');
    expect(priceColumnFor('pvenda7')).toBe('PVENDA7');
    expect(priceColumnFor(null)).toBe('PVENDA1');
    expect(() => priceColumnFor('8')).toThrow(/Parâmetro 4010/);
  });

  it('takes the region from 4014, else the branch default, and says which is missing', () => {
    expect(priceRegionFor('1', '3', 1)).toBe(3);
    expect(priceRegionFor('1', null, 2)).toBe(2);
    expect(() => priceRegionFor('1', 'x', 2)).toThrow(/Parâmetro 4014/);
    expect(() => priceRegionFor('9', null, undefined)).toThrow(/Filial 9 não existe no WinThor/);
    expect(() => priceRegionFor('1', null, null)).toThrow(/sem região de preço padrão/);
  });
});
