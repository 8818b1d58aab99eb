import { describe, expect, it } from 'vitest';
import type { Order } from '../../ciashop/schemas';
import { findMapping, sightingsOf } from './order-code-sightings';

const order = (overrides: Partial<Order> = {}): Order => ({
  id: 1,
  status: 'PaymentApproved',
  orderItems: [],
  payments: [{ method: 'CreditCard', installments: 3, value: 100 }],
  shippingMethod: { id: 2, name: 'Correios SEDEX', cost: 20 },
  ...overrides,
});

const row = (storeCode: string, winthorCode: string) => ({ storeCode, winthorCode, description: '' });

describe('sightingsOf: the codes an order carries for each mapping screen', () => {
  it('billing: each payment method; plans: instalments, method:instalments first; carriers: id, then name', () => {
    const paid = order({
      payments: [
        { method: ' CreditCard ', installments: 3, value: 60 },
        { method: 'Pix', installments: null, value: 40 },
      ],
    });
    expect(sightingsOf(paid, 'billing')).toEqual([
      { code: 'CreditCard', name: 'CreditCard', candidates: ['CreditCard'] },
      { code: 'Pix', name: 'Pix', candidates: ['Pix'] },
    ]);
    expect(sightingsOf(paid, 'plans')).toEqual([
      { code: '3', name: 'CreditCard', candidates: ['CreditCard:3', '3'] },
      { code: '1', name: 'Pix', candidates: ['Pix:1', '1'] },
    ]);
    expect(sightingsOf(paid, 'carriers')).toEqual([
      { code: '2', name: 'Correios SEDEX', candidates: ['2', 'Correios SEDEX'] },
    ]);
  });

  it('a payment with 0 instalments is paid at once; an order without payments or shipping carries nothing', () => {
    expect(sightingsOf(order({ payments: [{ method: 'Boleto', installments: 0 }] }), 'plans')[0]?.code).toBe(
      '1',
    );
    const bare = order({ payments: null, shippingMethod: null });
    expect(sightingsOf(bare, 'billing')).toEqual([]);
    expect(sightingsOf(bare, 'plans')).toEqual([]);
    expect(sightingsOf(bare, 'carriers')).toEqual([]);
    expect(sightingsOf(order({ payments: [{ method: '  ' }] }), 'billing')).toEqual([]);
  });
});

describe('findMapping: the row the order import uses', () => {
  it('compares without case and surrounding spaces, and the most specific candidate wins', () => {
    const rows = [row('3', '3'), row(' creditcard:3 ', '10'), row('correios sedex', '10')];
    expect(findMapping(rows, ['CreditCard:3', '3'])?.winthorCode).toBe('10');
    expect(findMapping(rows, ['Boleto:3', '3'])?.winthorCode).toBe('3');
    expect(findMapping(rows, ['2', 'Correios SEDEX'])?.storeCode).toBe('correios sedex');
    expect(findMapping(rows, ['Pix:1', '1'])).toBeUndefined();
  });
});
