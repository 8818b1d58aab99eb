import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setupI18n } from '.';

describe('zod messages in the renderer', () => {
  const i18n = setupI18n('pt-BR');
  afterAll(() => i18n.changeLanguage('pt-BR'));

  it('are pt-BR by default and follow the UI language', async () => {
    const message = () => z.number().safeParse('').error?.issues[0]?.message;
    expect(message()).toMatch(/^Tipo inválido|inválid/i);
    await i18n.changeLanguage('en');
    expect(message()).toMatch(/^Invalid input/);
    await i18n.changeLanguage('pt-BR');
    expect(message()).toMatch(/inválid/i);
  });
});
