import { z } from 'zod';
import { defineMethod } from './define';
import { MessageParams, MessageRef } from './messages';
import { SyncRunResult } from './sync-methods';

export const PENDING_STATES = ['open', 'ignored', 'resolved'] as const;
export const PENDING_ACTIONS = [
  'failed',
  'retry',
  'ignored',
  'reopened',
  'resolved',
  'import_anyway',
] as const;
/** Who asked for a retry or an ignore: the desktop window, a browser, the command line, the app itself. */
export const ACTORS = ['desktop', 'browser', 'cli', 'internal'] as const;

const isoDate = (label: string) =>
  z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
    error: `${label}: informe data e hora válidas (ex.: 2026-12-05T10:00).`,
    params: { key: 'validation.dateTime' },
  });

/** Monitorar → Pendências: the filters (every one optional; state defaults to open). */
export const PendingFilterInput = z
  .object({
    branch: z.string().max(2).optional(),
    entity: z.string().max(20).optional(),
    kind: z.string().max(60).optional(),
    status: z.enum(PENDING_STATES).optional(),
    from: isoDate('Período (de)').optional(),
    to: isoDate('Período (até)').optional(),
    text: z.string().max(200, { error: 'Texto: use no máximo 200 caracteres.' }).optional(),
  })
  .strict();
export type PendingFilterInput = z.infer<typeof PendingFilterInput>;

/** A reference to the record a pendência is about, for the screen's link (ADR 0026). */
export const PendingLink = z.object({
  /** product → CODPROD; storeOrder → the store's order id; numped → the WinThor order; category → its key. */
  type: z.enum(['codprod', 'storeOrder', 'numped', 'category', 'customer', 'key']),
  value: z.string(),
});

export const PendingDto = z.object({
  id: z.number(),
  entity: z.string(),
  branch: z.string(),
  key: z.string(),
  kind: z.string(),
  /** pt-BR as the engine wrote it. */
  message: z.string(),
  fix: z.string().nullable(),
  /** The message as a key for another language (`pending.<kind>`), with its values. */
  messageRef: MessageRef,
  params: MessageParams,
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  status: z.enum(PENDING_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
  ignoreReason: z.string().nullable(),
  ignoredBy: z.string().nullable(),
  ignoredAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  links: z.array(PendingLink),
});
export type PendingDto = z.infer<typeof PendingDto>;

export const PendingEventDto = z.object({
  at: z.string(),
  action: z.enum(PENDING_ACTIONS),
  kind: z.string().nullable(),
  message: z.string().nullable(),
  actor: z.string().nullable(),
});

const ids = z
  .array(z.number().int().positive())
  .min(1, { error: 'Pendências: escolha ao menos uma pendência.' })
  .max(1000, { error: 'Pendências: escolha no máximo 1000 de uma vez (ou use o grupo).' });

export const pendingsMethods = {
  'pendings.list': defineMethod({
    summary: 'Monitorar → Pendências: uma página (mais novas primeiro), com os filtros da tela.',
    input: z
      .object({
        filter: PendingFilterInput.default({}),
        beforeId: z.number().int().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ items: z.array(PendingDto), nextBeforeId: z.number().nullable() }),
  }),
  'pendings.groups': defineMethod({
    summary:
      'Pendências agrupadas por tipo, com a quantidade de cada grupo (o filtro de tipo não se aplica).',
    input: z.object({ filter: PendingFilterInput.default({}) }).strict(),
    output: z.object({
      groups: z.array(z.object({ entity: z.string(), kind: z.string(), count: z.number() })),
      total: z.number(),
    }),
  }),
  'pendings.retry': defineMethod({
    summary:
      'Tentar de novo: a pendência (uma, as escolhidas ou o grupo do filtro) fica para agora e a tarefa da entidade é iniciada.',
    input: z.union([
      z.object({ ids }).strict(),
      z.object({ group: PendingFilterInput.extend({ kind: z.string().min(1).max(60) }) }).strict(),
    ]),
    output: z.object({
      retried: z.number(),
      /** The jobs started (or already running) for the entities retried. */
      runs: SyncRunResult,
      /** pt-BR, when no job could start now (paused engine, a job this version does not run). */
      note: z.string().nullable(),
      noteRef: MessageRef.nullable(),
    }),
  }),
  'pendings.ignore': defineMethod({
    summary: 'Ignorar pendências abertas com um motivo (quem e quando ficam registrados).',
    input: z
      .object({
        ids,
        reason: z
          .string()
          .trim()
          .min(3, { error: 'Motivo: explique em poucas palavras por que ignorar (ao menos 3 letras).' })
          .max(400, { error: 'Motivo: use no máximo 400 caracteres.' }),
      })
      .strict(),
    output: z.object({ ignored: z.number() }),
  }),
  'pendings.importAnyway': defineMethod({
    summary:
      'Importar mesmo assim (ADR 0219): num possível pedido duplicado, o operador confirma que é outro pedido; quem e quando ficam no histórico, a pendência fica para agora e a tarefa de pedidos é iniciada — só a segunda proteção contra duplicados é pulada, só para este pedido.',
    input: z
      .object({
        id: z.number().int().positive(),
        /**
         * The copy the operator was shown and confirmed is another order (the pendência's winthorOrder and
         * numpedrca): refused when the pendência names another one now; the order goes through only while the
         * guard finds that copy (an order typed in WinThor later holds it again). Optional in the schema only so
         * that an older tab or script without it gets a clear refusal ("recarregue a página"), not a generic
         * validation error: absent, the decision is refused (ADR 0219).
         */
        resembles: z
          .object({ numped: z.number().int().nullable(), numpedrca: z.number().int().nullable() })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({
      /** The store order the decision is about. */
      storeOrderId: z.string(),
      /** The jobs started (or already running): the orders job of the pendência's branch. */
      runs: SyncRunResult,
      /** pt-BR, when the job could not start now (paused engine…): the decision waits for the next run. */
      note: z.string().nullable(),
      noteRef: MessageRef.nullable(),
    }),
  }),
  'pendings.history': defineMethod({
    summary: 'Histórico de uma pendência: tentativas, pedidos de nova tentativa, ignorada, resolvida.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ pending: PendingDto, events: z.array(PendingEventDto) }),
  }),
};
