import { describe, expect, it } from 'vitest';
import { fit, inList, paddedLength } from './sql-helpers';

describe('fit (column sizes in bytes)', () => {
  it('keeps text that fits, trims it, and turns empty text into NULL', () => {
    expect(fit('  CURITIBA  ', 15)).toBe('CURITIBA');
    expect(fit('   ', 15)).toBeNull();
    expect(fit(undefined, 15)).toBeNull();
  });

  it('cuts so that the UTF-8 form fits: accented letters take two bytes', () => {
    const cut = fit('SÃO JOSÉ DOS PINHAIS', 15)!;
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(15);
    expect(cut).toBe('SÃO JOSÉ DOS ');
    expect(fit('RUA DAS FLORES 123', 10)).toBe('RUA DAS FL');
  });

  it('never cuts inside a character', () => {
    expect(fit('AÇAÍ', 3)).toBe('AÇ');
    expect(fit('Loja 😀 Centro', 6)).toBe('Loja ');
  });
});

describe('inList', () => {
  it('writes a list at a few fixed lengths, padded with its last value (the same set)', () => {
    expect(inList('p', [7])).toEqual({ sql: ':p0', binds: { p0: 7 } });
    expect(inList('p', [1, 2, 3, 4, 5, 6], { other: 'x' })).toEqual({
      sql: ':p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8, :p9',
      binds: { other: 'x', p0: 1, p1: 2, p2: 3, p3: 4, p4: 5, p5: 6, p6: 6, p7: 6, p8: 6, p9: 6 },
    });
    expect([437, 452, 500].map(paddedLength)).toEqual([500, 500, 500]);
    expect(paddedLength(1000)).toBe(1000);
    expect(() => inList('p', [])).toThrow();
  });
});
