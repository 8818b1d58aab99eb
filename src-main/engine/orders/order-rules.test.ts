import { describe, expect, it } from 'vitest';
import { BranchMappings } from '../../contract';
import { isValidCep, isValidCnpj, isValidCpf, isValidUf } from './brazil-rules';
import { isMapped, resolveOrderCodes, unmappedCodes, type OrderCodes } from './code-mappings';
import { lineCentsOf, spreadDiscount, unitPrice } from './money';
import { FINAL_STATUS_MARK, statusSignature, storeStatusOf } from './order-status';
import { pullFrom } from './orders-job';
import { cutTo, fitField, latinText } from './text-rules';

const mappings = BranchMappings.parse({
  billing: [{ storeCode: ' creditcard ', winthorCode: 'CART' }],
  plans: [
    { storeCode: '3', winthorCode: '3' },
    { storeCode: 'CreditCard:3', winthorCode: '10' },
  ],
  carriers: [{ storeCode: 'Correios PAC', winthorCode: '9' }],
});
const codes = (over: Partial<OrderCodes> = {}): OrderCodes => ({
  paymentMethod: 'CreditCard',
  installments: 3,
  shipping: { id: '1', name: 'correios pac' },
  ...over,
});

describe('mapping resolution (shared with the mapping screens)', () => {
  it('compares trimmed and without case; a method-specific plan wins; a carrier matches by id or name', () => {
    expect(resolveOrderCodes(codes(), mappings)).toEqual({
      ok: true,
      codes: { codcob: 'CART', codplpag: 10, codfornecfrete: 9 },
    });
    expect(
      resolveOrderCodes(codes({ paymentMethod: 'CREDITCARD', installments: 3 }), mappings),
    ).toMatchObject({
      codes: { codplpag: 10 },
    });
  });

  it('names the first missing mapping, in the screens order', () => {
    expect(resolveOrderCodes(codes({ paymentMethod: 'Boleto' }), mappings)).toMatchObject({
      ok: false,
      missing: 'billing',
      storeCode: 'Boleto',
    });
    expect(resolveOrderCodes(codes({ installments: 6 }), mappings)).toMatchObject({
      ok: false,
      missing: 'plans',
      storeCode: 'CreditCard:6 ou 6',
    });
    expect(resolveOrderCodes(codes({ shipping: { id: '3', name: 'Jadlog' } }), mappings)).toMatchObject({
      ok: false,
      missing: 'carriers',
    });
    // No shipping method: no carrier needed.
    expect(resolveOrderCodes(codes({ shipping: null }), mappings)).toMatchObject({
      ok: true,
      codes: { codfornecfrete: null },
    });
  });

  it('a non-numeric WinThor plan code is refused, naming it', () => {
    const bad = BranchMappings.parse({ ...mappings, plans: [{ storeCode: '3', winthorCode: 'X' }] });
    expect(resolveOrderCodes(codes({ paymentMethod: 'creditcard' }), bad)).toMatchObject({
      ok: false,
      missing: 'plans',
      invalid: 'X',
    });
  });

  it('lists the codes seen on orders that no mapping covers', () => {
    const seen = [
      { kind: 'billing' as const, storeCode: 'CreditCard' },
      { kind: 'billing' as const, storeCode: 'Pix' },
      { kind: 'plans' as const, storeCode: 'Pix:3' },
      { kind: 'plans' as const, storeCode: 'Pix:2' },
      { kind: 'carriers' as const, storeCode: '1' },
    ];
    expect(isMapped({ kind: 'plans', storeCode: 'Pix:3' }, mappings)).toBe(true);
    expect(unmappedCodes(seen, mappings).map((c) => `${c.kind}:${c.storeCode}`)).toEqual([
      'billing:Pix',
      'plans:Pix:2',
      'carriers:1',
    ]);
  });
});

describe('money to the cent', () => {
  it('spreads a discount by largest remainder: the parts add up exactly', () => {
    const lines = [1000, 333, 667];
    const after = spreadDiscount(lines, 101);
    expect(after.reduce((a, b) => a + b, 0)).toBe(2000 - 101);
    expect(spreadDiscount(lines, 0)).toEqual(lines);
  });

  it('a unit price with 6 decimals gives back the line total to the cent', () => {
    for (const [cents, qty] of [
      [1000, 3],
      [1, 7],
      [99_999, 13],
    ] as const)
      expect(lineCentsOf(qty, unitPrice(cents, qty))).toBe(cents);
  });
});

describe('text for WinThor columns', () => {
  it('keeps Latin-1 letters with accents, drops emoji and other scripts, collapses spaces', () => {
    expect(latinText('  João  😀 da Silva 🇧🇷 ')).toBe('João da Silva');
    expect(latinText('Иван Petrov')).toBe('Petrov');
    expect(latinText("O'Brien; DROP TABLE x;--")).toBe("O'Brien; DROP TABLE x;--");
  });

  it('cuts to the column size in bytes, never inside a character, and says so', () => {
    expect(cutTo('ÁÁÁ', 5)).toBe('ÁÁ');
    const notes: string[] = [];
    expect(fitField('a'.repeat(50), 40, 'Endereço', 'PCCLIENT.ENDERENT', notes)).toHaveLength(40);
    expect(notes).toEqual([
      'Endereço cortado para 40 caracteres (PCCLIENT.ENDERENT); o texto completo está no pedido da loja.',
    ]);
    expect(fitField('Ana', 40, 'Nome', 'X', [])).toBe('Ana');
  });
});

describe('Brazilian documents and addresses', () => {
  it('checks CPF/CNPJ check digits, CEP and UF', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(isValidCnpj('11.222.333/0001-80')).toBe(false);
    expect(isValidCep('90010-100')).toBe(true);
    expect(isValidCep('9001')).toBe(false);
    expect(isValidUf('rs')).toBe(true);
    expect(isValidUf('XX')).toBe(false);
  });
});

describe('order status for the store', () => {
  const status = (position: string, extra = {}) => ({
    numped: 1,
    position,
    invoiceNumber: null,
    invoiceKey: null,
    invoicedAt: null,
    numtransvenda: null,
    ...extra,
  });

  it('maps WinThor positions; an invoice with its 44-digit key is final', () => {
    expect(['L', 'B', 'P'].map((p) => storeStatusOf(status(p))?.status)).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
    expect(storeStatusOf(status('M'))).toEqual({ status: 'PACKAGED' });
    expect(storeStatusOf(status('X'))).toBeNull();
    const key = '4'.repeat(44);
    const shipped = storeStatusOf(status('F', { invoiceNumber: 12, invoiceKey: key }))!;
    expect(shipped).toMatchObject({ status: 'SHIPPED', invoice: { number: '12', key } });
    expect(statusSignature(shipped).startsWith(FINAL_STATUS_MARK)).toBe(true);
    const noKey = storeStatusOf(status('F', { invoiceNumber: 12 }))!;
    expect(statusSignature(noKey).startsWith(FINAL_STATUS_MARK)).toBe(false);
    expect(statusSignature(storeStatusOf(status('C'))!)).toBe(`${FINAL_STATUS_MARK}CANCELLED||`);
  });
});

describe('the pull cursor', () => {
  it('goes back by the overlap (at least one day); no cursor reads everything not processed', () => {
    expect(pullFrom('2026-03-01', 2)).toBe('2026-02-27');
    expect(pullFrom('2026-03-01', 0)).toBe('2026-02-28');
    expect(pullFrom(null, 2)).toBeUndefined();
  });
});
