import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { MessageRef } from './messages';

/** "Iniciar com o Windows": the desktop app's login item (per Windows user). */
export const StartAtLogin = z.object({
  /** False where this host cannot start itself at logon (the service's web UI, Linux). */
  available: z.boolean(),
  enabled: z.boolean(),
  /** pt-BR: what the switch does, or why it is not offered here. */
  note: z.string(),
  /** The note by its key, for a UI in another language (ADR 0025). */
  noteRef: MessageRef.optional(),
});
export type StartAtLogin = z.infer<typeof StartAtLogin>;

export const SystemInfo = z.object({
  version: z.string(),
  host: z.enum(['desktop', 'headless']),
  /** The machine's data folder: settings, key file, logs, demo (ADR 0308). */
  dataDir: z.string(),
  logsDir: z.string(),
  startAtLogin: StartAtLogin,
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const DiagnosticPackage = z.object({
  fileName: z.string(),
  /** The zip itself, base64: the desktop window and the browser save it, the CLI writes it. */
  contentBase64: z.string(),
  bytes: z.number().int(),
  entries: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
});
export type DiagnosticPackage = z.infer<typeof DiagnosticPackage>;

export const systemMethods = {
  'system.info': defineMethod({
    summary: 'Versão, pasta de dados e de logs desta instalação, e se o integrador inicia com o Windows.',
    input: NoInput,
    output: SystemInfo,
  }),
  'system.setStartAtLogin': defineMethod({
    summary: 'Liga ou desliga "Iniciar com o Windows" (aplicativo de área de trabalho, usuário atual).',
    input: z.object({ enabled: z.boolean() }).strict(),
    output: StartAtLogin,
  }),
  'system.diagnostics': defineMethod({
    summary:
      'Gera o pacote de diagnóstico para o suporte (zip): configurações sem segredos, logs recentes, versões, pré-requisitos e estado do motor.',
    input: NoInput,
    output: DiagnosticPackage,
  }),
};
