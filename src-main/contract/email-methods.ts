import { z } from 'zod';
import { defineMethod } from './define';
import { MessageRef } from './messages';
import { BranchEmail, EMAIL_ADDRESS } from './settings-schema';

/** What failed in "Enviar teste": the settings, the login, TLS, the way to the server, the server itself. */
export const EMAIL_TEST_PARTS = [
  'none',
  'config',
  'auth',
  'tls',
  'network',
  'timeout',
  'server',
  'recipient',
] as const;

/** Cadastrar → E-mail, "Configuração" and "E-mails para cópia" of a branch, as the screen saves them. */
export const EmailSaveInput = z
  .object({
    branch: z.string().min(1),
    email: BranchEmail,
  })
  .strict()
  .superRefine(({ email }, ctx) => {
    if (!email.enabled) return;
    if (!email.host) {
      ctx.addIssue({
        code: 'custom',
        path: ['email', 'host'],
        message:
          'Servidor SMTP: informe o endereço do servidor (ex.: smtp.empresa.com.br) para ativar os alertas.',
        params: { key: 'validation.smtpHost' },
      });
    }
    if (!email.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['email', 'from'],
        message: 'Remetente: informe o endereço que envia os alertas para ativá-los.',
        params: { key: 'validation.emailSenderRequired' },
      });
    }
  });

export const EmailTestResult = z.object({
  ok: z.boolean(),
  failed: z.enum(EMAIL_TEST_PARTS),
  /** pt-BR: what happened and what to fix. */
  message: z.string(),
  messageRef: MessageRef,
  /** The SMTP server's own answer (e.g. "535 5.7.8 Authentication failed"), never with the password. */
  serverResponse: z.string().nullable(),
  /** Who received the test mail (To and Cc). */
  recipients: z.array(z.string()),
});
export type EmailTestResult = z.infer<typeof EmailTestResult>;

export const emailMethods = {
  'email.save': defineMethod({
    summary:
      'Cadastrar → E-mail: salva o servidor SMTP, o remetente, os destinatários e os e-mails para cópia de uma filial.',
    input: EmailSaveInput,
    output: z.object({ email: BranchEmail }),
  }),
  'email.test': defineMethod({
    summary:
      '"Enviar teste": envia um e-mail de teste com as configurações da tela (ou as salvas) e mostra a resposta do servidor SMTP.',
    input: z
      .object({
        branch: z.string().min(1),
        /** As typed on the screen; a masked password (••••) means the saved one. Without it, the saved settings. */
        email: BranchEmail.optional(),
        /** Send the test here instead of the recipients. */
        to: z
          .string()
          .trim()
          .regex(EMAIL_ADDRESS, { error: 'Enviar para: informe um endereço de e-mail válido.' })
          .optional(),
      })
      .strict(),
    output: EmailTestResult,
  }),
};
