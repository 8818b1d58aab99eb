import { describe, expect, it } from 'vitest';
import { SettingsPatch } from '../contract';
import { describeValidationError } from './validation-message';

const describe_ = (input: unknown) => {
  const result = SettingsPatch.safeParse(input);
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
