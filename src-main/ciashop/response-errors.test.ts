import { describe, expect, it } from 'vitest';
import { interpretResponse } from './response-errors';
import { StoreError } from './store-error';

const ctx = { method: 'GET', path: 'orders' };
const run = (status: number, text: string) => interpretResponse({ status, headers: {}, text }, ctx);
const fails = (status: number, text: string): StoreError => {
  try {
    run(status, text);
  } catch (error) {
    if (error instanceof StoreError) return error;
  }
  throw new Error('expected a StoreError');
};

describe('interpretResponse', () => {
  it('passes JSON data through, with unknown fields', () => {
    expect(run(200, '[{"id":1,"extra":true}]').data).toEqual([{ id: 1, extra: true }]);
    expect(run(204, '').data).toBeUndefined();
  });

  it('lets responseCode in the body override the HTTP status, even with HTTP 200', () => {
    const body = JSON.stringify({
      responseCode: '404',
      message: 'notfound',
      errors: [{ message: 'Pedido não existe', code: 'not_found', moreInfo: 'http://x' }],
    });
    const error = fails(200, body);
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.details).toEqual([
      { message: 'Pedido não existe', code: 'not_found', moreInfo: 'http://x' },
    ]);
    expect(error.message).toContain('Pedido não existe');
    expect(fails(500, JSON.stringify({ responseCode: 409, message: 'exists' })).kind).toBe('conflict');
  });

  it.each([
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not_found'],
    [408, 'timeout'],
    [409, 'conflict'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('HTTP %i → %s', (status, kind) => {
    expect(fails(status, JSON.stringify({ responseCode: String(status), message: 'x' })).kind).toBe(kind);
  });

  it('an errors array without responseCode on HTTP 200 is still an error', () => {
    expect(fails(200, JSON.stringify({ message: 'falhou', errors: [{ message: 'campo x' }] })).kind).toBe(
      'bad_request',
    );
  });

  it('a redirect is reported with its destination, never taken as success', () => {
    const error = (() => {
      try {
        interpretResponse(
          { status: 301, headers: { location: 'https://www.loja.com.br/api/v1/orders' }, text: '' },
          ctx,
        );
      } catch (e) {
        return e as StoreError;
      }
      throw new Error('expected a StoreError');
    })();
    expect(error.kind).toBe('invalid_response');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('https://www.loja.com.br/api/v1/orders');
  });

  it('non-JSON or truncated bodies are invalid_response; a resource named "errors" in text is not enough', () => {
    expect(fails(200, '<html>login</html>').kind).toBe('invalid_response');
    expect(fails(200, '[{"id":1,"na').kind).toBe('invalid_response');
    expect(run(200, '{"id":1,"description":"see \\"errors\\" field"}').data).toMatchObject({ id: 1 });
  });
});
