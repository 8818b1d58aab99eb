import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { normaliseStoreUrl } from './store-url';

describe('normaliseStoreUrl', () => {
  it.each([
    ['https://www.minhaloja.com.br', 'https://www.minhaloja.com.br/api/v1/'],
    ['https://www.minhaloja.com.br/', 'https://www.minhaloja.com.br/api/v1/'],
    ['www.minhaloja.com.br', 'https://www.minhaloja.com.br/api/v1/'],
    ['  HTTPS://WWW.MinhaLoja.com.br//  ', 'https://www.minhaloja.com.br/api/v1/'],
    ['https://loja.myciashop.com.br', 'https://loja.myciashop.com.br/api/v1/'],
    ['loja.myciashop.com.br/', 'https://loja.myciashop.com.br/api/v1/'],
    ['https://www9.ciashop.com.br/minhaloja', 'https://www9.ciashop.com.br/minhaloja/api/v1/'],
    ['https://www9.ciashop.com.br/minhaloja/', 'https://www9.ciashop.com.br/minhaloja/api/v1/'],
    ['https://www9.ciashop.com.br/minhaloja/manager', 'https://www9.ciashop.com.br/minhaloja/api/v1/'],
    [
      'https://www9.ciashop.com.br/minhaloja/manager/login.aspx?x=1#y',
      'https://www9.ciashop.com.br/minhaloja/api/v1/',
    ],
    ['https://www.minhaloja.com.br/manager', 'https://www.minhaloja.com.br/api/v1/'],
    ['https://www.minhaloja.com.br/api/v1', 'https://www.minhaloja.com.br/api/v1/'],
    ['https://www.minhaloja.com.br/api/v1/', 'https://www.minhaloja.com.br/api/v1/'],
    ['https://www9.ciashop.com.br/minhaloja/api', 'https://www9.ciashop.com.br/minhaloja/api/v1/'],
    ['https://www.minhaloja.com.br:8443', 'https://www.minhaloja.com.br:8443/api/v1/'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/api/v1/'],
    ['http://localhost:4010/', 'http://localhost:4010/api/v1/'],
    ['http://[::1]:4010', 'http://[::1]:4010/api/v1/'],
    // Pasted from an API call: the store is what comes before /api/v1.
    [
      'https://www9.ciashop.com.br/minhaloja/api/v1/products/12',
      'https://www9.ciashop.com.br/minhaloja/api/v1/',
    ],
    ['https://www.minhaloja.com.br/api/v1/orders?page=2', 'https://www.minhaloja.com.br/api/v1/'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseStoreUrl(input)).toBe(expected);
  });

  const failure = (input: string): AppError => {
    try {
      normaliseStoreUrl(input);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error(`expected ${input} to be rejected`);
  };

  it('rejects plain http outside loopback, naming the field and the fix', () => {
    const error = failure('http://www.minhaloja.com.br');
    expect(error.code).toBe('store_url_https');
    expect(error.field).toBe('store.url');
    expect(error.message).toContain('URL da loja');
    expect(error.fix).toContain('https://');
  });

  it.each([
    '',
    '   ',
    'ftp://loja.com.br',
    'https://',
    'https://user:pass@loja.com.br',
    'http://exa mple.com',
  ])('rejects %j with a pt-BR message naming "URL da loja"', (input) => {
    const error = failure(input);
    expect(error.message).toMatch(/^URL da loja/);
    expect(error.field).toBe('store.url');
  });

  it('never repeats a user, password or query typed into the address', () => {
    const withPassword = failure('https://fulano:s3cret@loja.com.br');
    expect(`${withPassword.message} ${withPassword.fix}`).not.toContain('s3cret');
    expect(withPassword.message).toContain('loja.com.br');
    expect(withPassword.message).toContain('usuário ou senha');
    const withToken = failure('http://loja.com.br/?token=abc123');
    expect(`${withToken.message} ${withToken.fix}`).not.toContain('abc123');
    expect(withToken.fix).toContain('http://loja.com.br/');
  });
});
