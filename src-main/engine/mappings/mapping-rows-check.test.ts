import { describe, expect, it, vi } from 'vitest';
import type { WinthorCode } from '../../contract';
import { AppError } from '../../shared/app-error';
import { checkMappingRows } from './mapping-rows-check';

const code = (value: string): WinthorCode => ({
  code: value,
  description: value,
  installments: null,
  days: null,
  document: null,
  blocked: false,
});
const list = async () => ['CART', 'PIX', 'BK', '3', '10'].map(code);
const row = (storeCode: string, winthorCode: string) => ({ storeCode, winthorCode, description: '' });

const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('checkMappingRows', () => {
  it('refuses a store code on two rows, naming the second row and the fix', async () => {
    const error = await refusal(
      checkMappingRows('billing', [row('Pix', 'PIX'), row(' PIX ', 'CART')], [], list),
    );
    expect(error.code).toBe('duplicate_store_code');
    expect(error.field).toBe('rows.1.storeCode');
    expect(error.message).toBe(
      'Código na loja: " PIX " já está mapeado (cobrança, linha 1); cada código da loja aponta para um só código do WinThor.',
    );
    expect(error.fix).toContain('Edite a linha que já existe');
  });

  it('refuses a new WinThor code that is not in WinThor’s list, naming the table', async () => {
    const error = await refusal(checkMappingRows('plans', [row('1', '3'), row('2', '99')], [], list));
    expect(error.code).toBe('unknown_winthor_code');
    expect(error.field).toBe('rows.1.winthorCode');
    expect(error.message).toBe('Código no WinThor: plano de pagamento "99" não existe no WinThor (PCPLPAG).');
  });

  it('writes a typed code as WinThor has it (03 → 3, cart → CART)', async () => {
    expect(await checkMappingRows('plans', [row('3', '03')], [], list)).toEqual([row('3', '3')]);
    expect(await checkMappingRows('billing', [row('CreditCard', 'cart')], [], list)).toEqual([
      row('CreditCard', 'CART'),
    ]);
  });

  it('keeps a saved row whose code left WinThor, and reads no list when nothing is new (a removal)', async () => {
    const saved = [row('Boleto', 'GONE'), row('Pix', 'PIX')];
    const read = vi.fn(list);
    expect(await checkMappingRows('billing', [row('boleto', 'GONE')], saved, read)).toEqual([
      row('boleto', 'GONE'),
    ]);
    expect(read).not.toHaveBeenCalled();
    expect(await checkMappingRows('billing', [...saved, row('CreditCard', 'CART')], saved, read)).toEqual([
      ...saved,
      row('CreditCard', 'CART'),
    ]);
    expect(read).toHaveBeenCalledTimes(1);
    // Pointing the saved row at another code that does not exist is a change: refused.
    await refusal(checkMappingRows('billing', [row('Boleto', 'NOPE')], saved, read));
  });
});
