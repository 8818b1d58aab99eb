import { describe, expect, it } from 'vitest';
import type { Order } from '../../ciashop/schemas';
import { recordSightings, summariseSeenCodes } from './seen-codes';

const order = (id: number, createdAt: string, method: string, installments: number, carrier = 1): Order => ({
  id,
  status: 'PaymentApproved',
  createdAt,
  orderItems: [],
  payments: [{ method, installments, value: 10 }],
  shippingMethod: { id: carrier, name: carrier === 1 ? 'Correios PAC' : 'Jadlog' },
});

const orders = [
  order(1, '2026-11-01T10:00:00.000Z', 'CreditCard', 3),
  order(2, '2026-11-03T10:00:00.000Z', 'CreditCard', 3, 2),
  order(3, '2026-11-02T10:00:00.000Z', 'Boleto', 1),
  order(4, '2026-11-04T10:00:00.000Z', 'Pix', 1),
  order(5, '2026-11-05T10:00:00.000Z', 'Boleto', 3),
];

const row = (storeCode: string, winthorCode = 'X') => ({ storeCode, winthorCode, description: '' });

describe('codes seen on orders', () => {
  it('counts each code and keeps the newest date', () => {
    const billing = recordSightings(orders, 'billing');
    expect(billing.find((r) => r.code === 'CreditCard')).toMatchObject({
      count: 2,
      lastSeenAt: '2026-11-03T10:00:00.000Z',
    });
    expect(billing.find((r) => r.code === 'Boleto')).toMatchObject({ count: 2 });
  });

  it('lists the unmapped first, then the most frequent, and merges a plan line over its methods', () => {
    const plans = recordSightings(orders, 'plans');
    // "3" seen with CreditCard (twice) and Boleto (once); "1" with Boleto and Pix.
    expect(summariseSeenCodes(plans, [])).toEqual([
      {
        code: '3',
        name: 'CreditCard, Boleto',
        count: 3,
        lastSeenAt: '2026-11-05T10:00:00.000Z',
        mapped: false,
      },
      {
        code: '1',
        name: 'Boleto, Pix',
        count: 2,
        lastSeenAt: '2026-11-04T10:00:00.000Z',
        mapped: false,
      },
    ]);
    // A plan for CreditCard only leaves "3" unmapped for Boleto: still a warning.
    const partly = summariseSeenCodes(plans, [row('CreditCard:3')]);
    expect(partly.find((line) => line.code === '3')?.mapped).toBe(false);
    const whole = summariseSeenCodes(plans, [row('CreditCard:3'), row('boleto:3')]);
    expect(whole.find((line) => line.code === '3')?.mapped).toBe(true);
    expect(whole.map((line) => line.code)).toEqual(['1', '3']);
  });

  it('a carrier mapped by its name counts as mapped', () => {
    const lines = summariseSeenCodes(recordSightings(orders, 'carriers'), [row('JADLOG')]);
    expect(lines).toEqual([
      expect.objectContaining({ code: '1', name: 'Correios PAC', count: 4, mapped: false }),
      expect.objectContaining({ code: '2', name: 'Jadlog', count: 1, mapped: true }),
    ]);
  });
});
