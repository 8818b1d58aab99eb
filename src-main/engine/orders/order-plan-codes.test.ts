import { describe, expect, it } from 'vitest';
import type { OrderInput } from './order-input';
import { orderCodes } from './order-plan';

const noMappings = { billing: [], plans: [], carriers: [] };
const orderWith = (paymentMethod: string | null) =>
  ({ id: 7, codes: { paymentMethod, installments: 1, shipping: null } }) as unknown as OrderInput;

describe('an order whose code has no mapping', () => {
  it('an empty code: pt-BR says "(vazio)", the values for other languages carry null and their own variant', () => {
    const result = orderCodes(orderWith(null), noMappings);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toContain('forma de pagamento "(vazio)"');
    expect(result.problem.params).toEqual({
      storeOrderId: 7,
      storeCode: null,
      field: 'payments[0].method',
      context: 'empty',
    });
  });

  it('a code: named as the store sent it', () => {
    const result = orderCodes(orderWith('Boleto'), noMappings);
    expect(!result.ok && result.problem.params).toEqual({
      storeOrderId: 7,
      storeCode: 'Boleto',
      field: 'payments[0].method',
    });
  });
});
