import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WinthorProduct } from '../../winthor';
import { categoryKeysOf } from './category-payload';
import { canonicalJson, payloadHash, referenceCanonicalJson } from './payload-hash';
import { newProductPayload, productPayload, productProblem, withVariantValues } from './product-payload';

const product = (over: Partial<WinthorProduct> = {}): WinthorProduct => ({
  codprod: 1234,
  description: 'CADERNO 10 MATERIAS',
  ean: '7891234567895',
  barcode: '7891234567895',
  packaging: 'UN',
  unit: 'UN',
  departmentCode: 1,
  sectionCode: 101,
  categoryCode: 2,
  brandCode: 1,
  grossWeightKg: 0.5,
  netWeightKg: 0.45,
  heightM: 0.3,
  widthM: 0.2,
  lengthM: 0.02,
  multiple: 1,
  ecommerceName: 'Caderno 10 Matérias',
  ecommerceTitle: null,
  showWithoutStock: false,
  storeId: null,
  lastChange: null,
  ...over,
});

describe('payloads and their hash', () => {
  it('the same payload in any key order has the same hash; any value change changes it', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [1, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[1,{"e":2,"f":1}],"d":2},"b":1}',
    );
    expect(payloadHash({ a: 1, b: 2 })).toBe(payloadHash({ b: 2, a: 1 }));
    expect(payloadHash({ a: 1, b: 2 })).not.toBe(payloadHash({ a: 1, b: 3 }));
  });

  it('writes exactly the reference text, so the hashes stored on bindings stay valid', () => {
    // A seeded generator of awkward values: nested objects and arrays, undefined, functions, integer-like
    // and accented keys, escapes, NaN and -0, Dates, a Map, a null-prototype object.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ['b', 'a', 'erpId', '10', '2', '0', '01', 'é', 'Z', 'z', 'a b', '"q"', '-1', '4294967295'];
    const leaf = () =>
      pick<unknown>([
        0,
        -0,
        1.5,
        -3,
        1e21,
        0.1 + 0.2,
        NaN,
        Infinity,
        'x',
        'ção "aspas" \\ \n \u0001 \ud800',
        '',
        true,
        false,
        null,
        undefined,
        () => 1,
        new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
        new Map([[1, 2]]),
      ]);
    const value = (depth: number): unknown => {
      if (depth > 3 || random() < 0.3) return leaf();
      if (random() < 0.35) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      const object: Record<string, unknown> = random() < 0.1 ? Object.create(null) : {};
      for (let i = Math.floor(random() * 6); i > 0; i--) object[pick(keys)] = value(depth + 1);
      return object;
    };
    for (let i = 0; i < 2000; i++) {
      const sample = value(0);
      expect(canonicalJson(sample)).toBe(referenceCanonicalJson(sample));
    }
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(payloadHash({ price: 12.5 })).toBe(sha('{"price":12.5}'));
    const payload = newProductPayload(product(), 7, 12.5, 3);
    expect(payloadHash(payload)).toBe(
      createHash('sha256').update(referenceCanonicalJson(payload)).digest('hex'),
    );
  });

  it('a product goes without price and stock (own hashes); the create call carries both', () => {
    const payload = productPayload(product(), 7);
    expect(payload).toMatchObject({
      name: 'Caderno 10 Matérias',
      erpId: '1234',
      mainDepartmentId: 7,
      blocked: false,
    });
    expect(payload.variants?.[0]).not.toHaveProperty('price');
    // The sender adds price and stock to the payload it hashed: the same create call.
    expect(withVariantValues(payload, 12.5, 3)).toStrictEqual(newProductPayload(product(), 7, 12.5, 3));
    expect(newProductPayload(product(), 7, 12.5, 3).variants?.[0]).toMatchObject({
      price: 12.5,
      quantity: 3,
      ean: '7891234567895',
    });
  });

  it('a bad barcode or no name is a pendência with the fix; no barcode at all is fine', () => {
    expect(productProblem(product())).toBeNull();
    expect(productProblem(product({ ean: null, barcode: null }))).toBeNull();
    expect(productProblem(product({ ean: null, barcode: '7891234567890' }))).toMatchObject({
      kind: 'ean_invalido',
      message: expect.stringContaining('Produto 1234 sem EAN válido'),
      fix: expect.stringContaining('rotina 203'),
    });
    expect(productProblem(product({ ecommerceName: null, description: ' ' }))?.kind).toBe('sem_nome');
  });

  it('places a product in its deepest category first', () => {
    expect(categoryKeysOf(product())).toEqual(['1.101.2', '1.101', '1']);
    expect(categoryKeysOf(product({ categoryCode: null }))).toEqual(['1.101', '1']);
    expect(categoryKeysOf(product({ departmentCode: null }))).toEqual([]);
  });
});
