import { describe, expect, it } from 'vitest';
import { fit } from './sql-helpers';

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
