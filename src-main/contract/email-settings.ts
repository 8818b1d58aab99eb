import { z } from 'zod';

/**
 * The settings of Cadastrar → E-mail (per branch: SMTP server, sender, recipients, copies, when alerts go
 * out, ADR 0027) and of the monitoring (retention, the address the alert mails link to, ADR 0028).
 */
export const SMTP_PROTOCOLS = ['smtp', 'starttls', 'smtps'] as const;

/** An e-mail address as people type it: something@domain.tld, no spaces (checked again by the SMTP server). */
export const EMAIL_ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:".]+(\.[^\s@<>(),;:".]+)+$/;

const addressList = (label: string) =>
  z
    .array(z.string().trim())
    .superRefine((addresses, ctx) => {
      const seen = new Set<string>();
      addresses.forEach((address, index) => {
        if (!EMAIL_ADDRESS.test(address)) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `${label}: "${address}" não é um endereço de e-mail válido; use o formato nome@empresa.com.br.`,
            params: { key: 'validation.emailAddress', address },
          });
        } else if (seen.has(address.toLowerCase())) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `${label}: "${address}" aparece mais de uma vez; deixe uma só.`,
            params: { key: 'validation.emailRepeated', address },
          });
        }
        seen.add(address.toLowerCase());
      });
    })
    .default([]);

/** When alert mails go out for a branch (ADR 0027). */
export const AlertSettings = z.object({
  /** A job still failing this long after its first failure gets one reminder (then at 2×, 4×… the period). */
  stillFailingMinutes: z
    .number({ error: 'Lembrete de falha: informe um número de minutos de 5 a 10080.' })
    .int({ error: 'Lembrete de falha: informe um número de minutos de 5 a 10080.' })
    .min(5, { error: 'Lembrete de falha: informe um número de minutos de 5 a 10080.' })
    .max(10080, { error: 'Lembrete de falha: informe um número de minutos de 5 a 10080.' })
    .default(30),
  /** At most this many alert mails per hour for the branch; the rest are counted in the next one. */
  maxPerHour: z
    .number({ error: 'Limite de e-mails por hora: informe um número de 1 a 60.' })
    .int({ error: 'Limite de e-mails por hora: informe um número de 1 a 60.' })
    .min(1, { error: 'Limite de e-mails por hora: informe um número de 1 a 60.' })
    .max(60, { error: 'Limite de e-mails por hora: informe um número de 1 a 60.' })
    .default(6),
  dailySummary: z.boolean().default(false),
  /** Hour of the day (0–23, local time) of the daily summary. */
  dailySummaryHour: z.number().int().min(0).max(23).default(7),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export const BranchEmail = z.object({
  enabled: z.boolean().default(false),
  host: z.string().trim().default(''),
  port: z
    .number({ error: 'Porta: use um número de 1 a 65535 (587 para STARTTLS, 465 para SMTPS, 25 para SMTP).' })
    .int({ error: 'Porta: use um número de 1 a 65535 (587 para STARTTLS, 465 para SMTPS, 25 para SMTP).' })
    .min(1, { error: 'Porta: use um número de 1 a 65535 (587 para STARTTLS, 465 para SMTPS, 25 para SMTP).' })
    .max(65535, {
      error: 'Porta: use um número de 1 a 65535 (587 para STARTTLS, 465 para SMTPS, 25 para SMTP).',
    })
    .default(587),
  protocol: z.enum(SMTP_PROTOCOLS).default('starttls'),
  from: z
    .string()
    .trim()
    .refine((value) => value === '' || EMAIL_ADDRESS.test(value), {
      error: 'Remetente: informe um endereço de e-mail válido (ex.: integrador@empresa.com.br).',
      params: { key: 'validation.emailSender' },
    })
    .default(''),
  user: z.string().trim().default(''),
  /** secret */
  password: z.string().default(''),
  /** Who receives the alerts; empty = the sender's own address. */
  to: addressList('Destinatários'),
  /** "E-mails para cópia". */
  cc: addressList('E-mails para cópia'),
  alerts: AlertSettings.default(AlertSettings.parse({})),
});
export type BranchEmail = z.infer<typeof BranchEmail>;

/** Retention of the operational tables (ADR 0028), and the address the alert mails link to. */
export const MonitoringSettings = z.object({
  /** Log lines (and finished runs, and the history of pendências) older than this many days are purged. */
  logRetentionDays: z
    .number({ error: 'Guardar logs por: informe um número de dias de 7 a 3650.' })
    .int({ error: 'Guardar logs por: informe um número de dias de 7 a 3650.' })
    .min(7, { error: 'Guardar logs por: informe um número de dias de 7 a 3650.' })
    .max(3650, { error: 'Guardar logs por: informe um número de dias de 7 a 3650.' })
    .default(30),
  /** Resolved pendências older than this many days are purged (open and ignored ones stay). */
  resolvedPendingRetentionDays: z
    .number({ error: 'Guardar pendências resolvidas por: informe um número de dias de 1 a 3650.' })
    .int({ error: 'Guardar pendências resolvidas por: informe um número de dias de 1 a 3650.' })
    .min(1, { error: 'Guardar pendências resolvidas por: informe um número de dias de 1 a 3650.' })
    .max(3650, { error: 'Guardar pendências resolvidas por: informe um número de dias de 1 a 3650.' })
    .default(90),
  /** The integrator's address in the alert mails' links; empty = http://localhost:<port>. */
  uiUrl: z
    .string()
    .trim()
    .refine((value) => value === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/i.test(value), {
      error:
        'Endereço do integrador nos e-mails: use o endereço completo, ex.: http://servidor-winthor:7585 (ou deixe vazio).',
    })
    .default(''),
});
export type MonitoringSettings = z.infer<typeof MonitoringSettings>;
