import { describe, expect, it } from 'vitest';
import { NewCustomerSettings } from '../../contract';
import { taxProfileOf } from './customer-defaults';

describe('tax profile of a new customer (CONSUMIDORFINAL / CONTRIBUINTE)', () => {
  it('individuals are final consumers, not ICMS taxpayers; companies follow their IE and the site setting', () => {
    expect(taxProfileOf('52998224725', 'ISENTO', false)).toEqual({ finalConsumer: 'S', taxpayer: 'N' });
    expect(taxProfileOf('52998224725', '123456', true)).toEqual({ finalConsumer: 'S', taxpayer: 'N' });
    expect(taxProfileOf('11222333000181', 'ISENTO', false)).toEqual({ finalConsumer: 'S', taxpayer: 'N' });
    expect(taxProfileOf('11222333000181', '123456789', false)).toEqual({ finalConsumer: 'N', taxpayer: 'S' });
    expect(taxProfileOf('11222333000181', '123456789', true)).toEqual({ finalConsumer: 'S', taxpayer: 'S' });
  });

  it('the settings are additive with defaults and refuse an invalid invoicing branch in pt-BR', () => {
    expect(NewCustomerSettings.parse({})).toEqual({
      invoicingBranch: '',
      companyWithIeIsFinalConsumer: false,
    });
    const refused = NewCustomerSettings.safeParse({ invoicingBranch: '123' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('Filial de faturamento do cliente');
  });
});
