import { describe, expect, it } from 'vitest';
import { normalizeGtin } from './gtin';

describe('normalizeGtin (PCPRODUT.CODAUXILIAR, a NUMBER, to the EAN sent to the store)', () => {
  it('keeps a valid EAN-13 unchanged, from a number or from text', () => {
    expect(normalizeGtin(7891000100103)).toBe('7891000100103');
    expect(normalizeGtin('7891000100103')).toBe('7891000100103');
  });

  it('restores the leading zeros of an UPC-A (12 digits) as its EAN-13 form, with a leading 0', () => {
    // UPC-A 012345678905 = EAN-13 0012345678905, stored as the number 12345678905.
    expect(normalizeGtin(12345678905)).toBe('0012345678905');
    expect(normalizeGtin('0012345678905')).toBe('0012345678905');
    // UPC-A without leading zero: 036000291452 → stored 36000291452.
    expect(normalizeGtin(36000291452)).toBe('0036000291452');
    expect(normalizeGtin(123456789012)).toBe('0123456789012');
  });

  it('keeps an EAN-8 as 8 digits and restores its leading zero', () => {
    expect(normalizeGtin(96385074)).toBe('96385074');
    expect(normalizeGtin(1234565)).toBe('01234565');
  });

  it('keeps a valid GTIN-14 (DUN-14)', () => {
    expect(normalizeGtin(17891000100100)).toBe('17891000100100');
  });

  it('returns null for a wrong check digit, empty, 0, negative, fractional or too long values', () => {
    expect(normalizeGtin(7891000100104)).toBeNull();
    expect(normalizeGtin(12345678904)).toBeNull();
    expect(normalizeGtin(96385075)).toBeNull();
    expect(normalizeGtin(17891000100101)).toBeNull();
    expect(normalizeGtin(null)).toBeNull();
    expect(normalizeGtin(undefined)).toBeNull();
    expect(normalizeGtin('')).toBeNull();
    expect(normalizeGtin(0)).toBeNull();
    expect(normalizeGtin(-7891000100103)).toBeNull();
    expect(normalizeGtin(1.5)).toBeNull();
    expect(normalizeGtin('123456789012345678')).toBeNull();
  });
});
