import { describe, expect, it } from 'vitest';
import { isValidCnpj, isValidCpf, makeCnpj, makeCpf } from './documents';
import { seededRandom } from './seeded-random';

describe('CPF / CNPJ', () => {
  it('validates known documents and rejects wrong check digits', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(isValidCnpj('11.222.333/0001-80')).toBe(false);
  });

  it('generates valid documents deterministically from a seed', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i += 1) {
      expect(isValidCpf(makeCpf(random))).toBe(true);
      expect(isValidCnpj(makeCnpj(random))).toBe(true);
    }
    expect(makeCpf(seededRandom(9))).toBe(makeCpf(seededRandom(9)));
  });
});
