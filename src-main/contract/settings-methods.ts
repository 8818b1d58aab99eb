import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { Settings, SettingsPatch } from './settings-schema';

/** Settings as the UI sees them: every secret replaced by SECRET_MASK (or '' when not set). */
export const MaskedSettings = Settings;

export const settingsMethods = {
  'settings.get': defineMethod({
    summary: 'Lê as configurações (senhas e tokens mascarados).',
    input: NoInput,
    output: MaskedSettings,
  }),
  'settings.update': defineMethod({
    summary:
      'Altera só os campos enviados (listas são substituídas inteiras); um segredo mascarado mantém o valor guardado.',
    input: SettingsPatch,
    output: MaskedSettings,
  }),
  'settings.export': defineMethod({
    summary: 'Exporta as configurações como arquivo JSON (sem senhas nem tokens).',
    input: NoInput,
    output: z.object({ fileName: z.string(), content: z.string() }),
  }),
  'settings.import': defineMethod({
    summary:
      'Importa um arquivo exportado; segredos mascarados, vazios ou ausentes mantêm os valores atuais.',
    input: z.object({
      content: z.string().min(1, 'Arquivo: escolha um arquivo de configurações exportado.'),
      /** The chosen file's name, only to name it in the messages. */
      fileName: z.string().max(260).optional(),
    }),
    output: MaskedSettings,
  }),
};
