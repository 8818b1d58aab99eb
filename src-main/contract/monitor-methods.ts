import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { MessageParams, MessageRef } from './messages';

export const ACTIVITY_RANGES = ['24h', '7d'] as const;
export const HEALTH_LEVELS = ['ok', 'warning', 'error'] as const;
export const ALERT_KINDS = [
  'job_failed',
  'job_still_failing',
  'job_recovered',
  'new_pending_kind',
  'budget_exhausted',
  'database_unreachable',
  'database_recovered',
  'engine_held',
  'engine_released',
  'order_cancelled_after_import',
  'daily_summary',
  'test',
] as const;

export const ActivityBucket = z.object({
  /** Start of the hour (ISO). */
  at: z.string(),
  storeCalls: z.number(),
  /** Failed runs plus items that failed in that hour. */
  errors: z.number(),
  runs: z.number(),
});

export const BranchActivity = z.object({
  branch: z.string(),
  name: z.string(),
  buckets: z.array(ActivityBucket),
  budget: z.object({
    remaining: z.number().nullable(),
    limit: z.number().nullable(),
    /** ISO: the store answered 429 and asked to wait until then — no calls left until that time (ADR 0033). */
    blockedUntil: z.string().nullable().optional(),
  }),
  openPendings: z.array(z.object({ entity: z.string(), kind: z.string(), count: z.number() })),
  /** pt-BR, when the branch's data could not be read. */
  problem: z.string().nullable(),
});
export type BranchActivity = z.infer<typeof BranchActivity>;

/** The tray and the Painel: OK, warning (open alerts, budget out) or error (a job or the database failing). */
export const MonitorHealth = z.object({
  level: z.enum(HEALTH_LEVELS),
  /** pt-BR, one line. */
  summary: z.string(),
  summaryRef: MessageRef,
});
export type MonitorHealth = z.infer<typeof MonitorHealth>;

/** An alert as the tray shows it (and the mails say it, at more length). */
export const AlertEvent = z.object({
  kind: z.enum(ALERT_KINDS),
  branch: z.string().nullable(),
  severity: z.enum(HEALTH_LEVELS),
  /** pt-BR */
  title: z.string(),
  body: z.string(),
  params: MessageParams,
  at: z.string(),
});
export type AlertEvent = z.infer<typeof AlertEvent>;

export const monitorMethods = {
  'monitor.activity': defineMethod({
    summary:
      'Painel: por filial, chamadas à loja e erros por hora (24 h ou 7 dias), limite restante e pendências abertas por tipo.',
    input: z.object({ range: z.enum(ACTIVITY_RANGES).default('24h') }).strict(),
    output: z.object({ range: z.enum(ACTIVITY_RANGES), branches: z.array(BranchActivity) }),
  }),
  'monitor.health': defineMethod({
    summary: 'Saúde do integrador para a bandeja e o Painel: OK, atenção ou erro, com o motivo.',
    input: NoInput,
    output: MonitorHealth,
  }),
};
