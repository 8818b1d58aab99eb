import { describe, expect, it } from 'vitest';
import { SettingsPatch } from '../contract';
import { describeValidationError } from './validation-message';

const describe_ = (input: unknown) => {
  const result = SettingsPatch.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected a validation error');
  return describeValidationError(result.error);
};

describe('describeValidationError', () => {
  it("speaks pt-BR for zod's own messages", () => {
    const { message, field } = describe_({ server: { port: 'x' } });
    expect(message).toBe(
      'Dados inválidos — server.port: Entrada inválida: esperava um número, recebeu um texto',
    );
    expect(field).toBe('server.port');
    expect(message).not.toMatch(/Invalid|expected|received/);
  });

  it('names an unknown key itself, inside branches too', () => {
    const { message, field } = describe_({
      branches: [{ code: '1', name: 'M', Store: { url: 'https://loja.example.com.br', token: 'x' } }],
    });
    expect(field).toBe('branches.0.Store');
    expect(message).toBe(
      'Dados inválidos — branches.0.Store: campo desconhecido (verifique a grafia do nome).',
    );
    expect(describe_({ server: { portt: 1 } }).field).toBe('server.portt');
  });
});

describe('validationIssues (ADR 0025)', () => {
  it("carries each problem as data: zod's code and the values its message needs, per unknown key", () => {
    const { issues } = describe_({ server: { port: 'x', portt: 1 } });
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'server.port',
          code: 'invalid_type',
          message: 'server.port: Entrada inválida: esperava um número, recebeu um texto',
          params: { expected: 'number', received: 'string' },
        },
        {
          path: 'server.portt',
          code: 'unrecognized_keys',
          message: 'server.portt: campo desconhecido (verifique a grafia do nome).',
        },
      ]),
    );
    const small = describe_({ server: { port: 0 } }).issues[0];
    expect(small).toMatchObject({
      path: 'server.port',
      code: 'too_small',
      params: { origin: 'number', minimum: 1, inclusive: true },
    });
  });
});
