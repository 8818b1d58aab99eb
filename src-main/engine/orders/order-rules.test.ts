import { describe, expect, it } from 'vitest';
import { BranchMappings } from '../../contract';
import { isValidCep, isValidCnpj, isValidCpf, isValidUf } from './brazil-rules';
import { isMapped, resolveOrderCodes, unmappedCodes, type OrderCodes } from './code-mappings';
import { lineCentsOf, spreadDiscount, unitPrice } from './money';
import type { OrderStatusUpdate } from '../../ciashop/schemas';
import type { OrderStatus } from '../../winthor';
import {
  FINAL_STATUS_MARK,
  isFinalStatus,
  sameStatusSent,
  statusSignature,
  storeStatusOf,
  TRACKING_WAIT_MS,
  trackingUrlOf,
} from './order-status';
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
  const status = (position: string, extra: Partial<OrderStatus> = {}): OrderStatus => ({
    numped: 1,
    position,
    invoiceNumber: null,
    invoiceKey: null,
    invoicedAt: null,
    numtransvenda: null,
    trackingCode: null,
    trackingUrlBase: null,
    ...extra,
  });
  const key = '4'.repeat(44);
  const invoicedAt = new Date('2026-12-01T10:00:00Z');
  const now = new Date('2026-12-02T10:00:00Z');
  const final = (update: OrderStatusUpdate, at = now) => isFinalStatus(update, invoicedAt, at);

  it('maps WinThor positions; cancelled is final at once', () => {
    expect(['L', 'B', 'P'].map((p) => storeStatusOf(status(p))?.status)).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
    expect(storeStatusOf(status('M'))).toEqual({ status: 'PACKAGED' });
    expect(storeStatusOf(status('X'))).toBeNull();
    const cancelled = storeStatusOf(status('C'))!;
    expect(statusSignature(cancelled, final(cancelled))).toBe(`${FINAL_STATUS_MARK}CANCELLED||`);
    expect(final(storeStatusOf(status('M'))!)).toBe(false);
  });

  it('an invoice with its key is final once its tracking code is sent, or five days after DTFAT without one', () => {
    const shipped = storeStatusOf(status('F', { invoiceNumber: 12, invoiceKey: key, invoicedAt }))!;
    expect(shipped).toEqual({
      status: 'SHIPPED',
      invoice: { number: '12', key, date: invoicedAt.toISOString() },
    });
    // Without a code: followed for five days (reading WinThor only), the same text as before tracking existed.
    expect(final(shipped)).toBe(false);
    expect(statusSignature(shipped, false)).toBe(`SHIPPED|12|${key}`);
    expect(final(shipped, new Date(invoicedAt.getTime() + TRACKING_WAIT_MS))).toBe(true);
    const noKey = storeStatusOf(status('F', { invoiceNumber: 12, trackingCode: 'AA123456789BR' }))!;
    expect(final(noKey)).toBe(false);
    const tracked = storeStatusOf(
      status('F', { invoiceNumber: 12, invoiceKey: key, invoicedAt, trackingCode: ' AA123456789BR ' }),
    )!;
    expect(tracked.tracking).toEqual({ code: 'AA123456789BR' });
    expect(final(tracked)).toBe(true);
    expect(statusSignature(tracked, true)).toBe(`${FINAL_STATUS_MARK}SHIPPED|12|${key}|AA123456789BR`);
    // The same thing sent, final or not, is the same to the store; a new code is not.
    expect(sameStatusSent(statusSignature(shipped, true), statusSignature(shipped, false))).toBe(true);
    expect(sameStatusSent(statusSignature(tracked, true), statusSignature(shipped, true))).toBe(false);
    expect(sameStatusSent(statusSignature(shipped, false), null)).toBe(false);
  });

  it("the tracking address: the code in the carrier base's {codigo}, or at its end; never a non-web base", () => {
    expect(trackingUrlOf('https://r.example/{codigo}/ver', 'AB 1')).toBe('https://r.example/AB%201/ver');
    expect(trackingUrlOf(' https://r.example/?objeto= ', 'AB1')).toBe('https://r.example/?objeto=AB1');
    expect(trackingUrlOf('www.r.example/', 'AB1')).toBeUndefined();
    expect(trackingUrlOf(null, 'AB1')).toBeUndefined();
    const update = storeStatusOf(
      status('F', {
        invoiceNumber: 12,
        trackingCode: 'AB1',
        trackingUrlBase: 'https://r.example/{CODIGO}',
      }),
    )!;
    expect(update.tracking).toEqual({ code: 'AB1', url: 'https://r.example/AB1' });
  });

  it('a long tracking code, or one with an address, is remembered as a short digest that fits STATUS_SENT', () => {
    const long = storeStatusOf(
      status('F', { invoiceNumber: 1234567890, invoiceKey: key, trackingCode: 'X'.repeat(2000) }),
    )!;
    const signature = statusSignature(long, true);
    expect(signature.length).toBeLessThanOrEqual(120);
    expect(signature).toMatch(/\|h[0-9a-f]{16}$/);
    const other = storeStatusOf(
      status('F', { invoiceNumber: 1234567890, invoiceKey: key, trackingCode: `${'X'.repeat(1999)}Y` }),
    )!;
    expect(statusSignature(other, true)).not.toBe(signature);
  });
});

describe('the pull cursor', () => {
  it('goes back by the overlap (at least one day); no cursor reads everything not processed', () => {
    expect(pullFrom('2026-03-01', 2)).toBe('2026-02-27');
    expect(pullFrom('2026-03-01', 0)).toBe('2026-02-28');
    expect(pullFrom(null, 2)).toBeUndefined();
  });
});
