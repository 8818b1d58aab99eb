import { describe, expect, it } from 'vitest';
import { BranchMappings, normalisePlanStoreCode, planStoreCodeMessage } from './settings-schema';
import { contract } from './methods';

const plan = (storeCode: string) => ({ storeCode, winthorCode: '3', description: '' });

describe('Plano de Pagamento: the store code is instalments or method:instalments (ADR 0222)', () => {
  it.each([
    'abc',
    'CreditCard:x',
    '0',
    '-1',
    '3.5',
    ':3',
    '2x',
    '99999999999',
    'Credit Card:2',
    '100',
    'A:B:3',
  ])('refuses %j with a pt-BR message naming the field and an example', (code) => {
    expect(normalisePlanStoreCode(code)).toBeNull();
    const result = BranchMappings.safeParse({ plans: [plan(code)] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['plans', 0, 'storeCode'],
      message: planStoreCodeMessage(code),
    });
    expect(planStoreCodeMessage(code)).toMatch(
      /^Parcelas na loja: ".*" não é um parcelamento\..*CreditCard:3\.$/,
    );
  });

  it.each([
    ['3', '3'],
    ['03', '3'],
    [' 12 ', '12'],
    ['99', '99'],
    ['CreditCard:03', 'CreditCard:3'],
    ['DebitCard:1', 'DebitCard:1'],
  ])('accepts %j as %j', (code, normalised) => {
    expect(normalisePlanStoreCode(code)).toBe(normalised);
    expect(BranchMappings.parse({ plans: [plan(code)] }).plans[0]?.storeCode).toBe(normalised);
  });

  it('CreditCard:03 and creditcard:3 are the same code: a duplicate', () => {
    const result = BranchMappings.safeParse({ plans: [plan('CreditCard:3'), plan('creditcard:03')] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/já está mapeado/);
  });

  it('mappings.save refuses a bad plan code on its row field, and normalises a good one', () => {
    const input = contract['mappings.save'].input;
    const bad = input.safeParse({ branch: '1', kind: 'plans', rows: [plan('3'), plan('2x')] });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['rows', 1, 'storeCode'],
      message: planStoreCodeMessage('2x'),
    });
    const good = input.parse({ branch: '1', kind: 'plans', rows: [plan('CreditCard:03')] });
    expect(good.rows[0]?.storeCode).toBe('CreditCard:3');
    // Other kinds keep their codes as typed (a carrier's name has spaces).
    const carriers = input.parse({ branch: '1', kind: 'carriers', rows: [plan('Retirada na loja')] });
    expect(carriers.rows[0]?.storeCode).toBe('Retirada na loja');
  });
});
